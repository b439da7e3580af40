package dev.agentstore;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.PasswordPolicySettings;
import dev.agentstore.security.PasswordPolicy;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Immutable store configuration. Every instance is valid. Build one in code with {@link #builder()}, or
 * read it from properties ({@link #fromMap}) or the environment ({@link #fromEnvironment()}).
 *
 * <p>Keys (property name / environment variable):
 * <ul>
 *   <li>{@code postgres.url} / {@code AGENTSTORE_POSTGRES_URL}: a JDBC URL; when set, the PostgreSQL providers serve
 *   <li>{@code postgres.user}, {@code postgres.password} / {@code AGENTSTORE_POSTGRES_USER}, {@code ..._PASSWORD}
 *   <li>{@code postgres.schema} / {@code AGENTSTORE_POSTGRES_SCHEMA}: default {@code agentstore}
 *   <li>{@code postgres.leak-detection} / {@code AGENTSTORE_POSTGRES_LEAK_DETECTION}: an ISO-8601 duration (at least
 *       2 s) after which a connection still borrowed is logged as a possible leak; off by default
 *   <li>{@code postgres.allow-plaintext} / {@code AGENTSTORE_POSTGRES_ALLOW_PLAINTEXT}: default false, which refuses
 *       a URL with {@code sslmode=disable} or {@code allow} to a host other than this machine
 *   <li>{@code postgres.ingest-user}, {@code postgres.ingest-password} / {@code AGENTSTORE_POSTGRES_INGEST_USER},
 *       {@code ..._PASSWORD}: optional; a role with BYPASSRLS to which the migrator grants only INSERT on the metrics
 *       tables, so metric batches of 256 rows or more COPY straight into them (row-level security refuses COPY)
 *   <li>{@code postgres.security-schema} / {@code AGENTSTORE_POSTGRES_SECURITY_SCHEMA}: the schema of the security
 *       tables (credentials, password history, reset tokens, API keys, login attempts, security events), kept apart
 *       so a DBA can grant it separately; default the main schema's name with {@code _security} appended
 *   <li>{@code postgres.pool-size} / {@code AGENTSTORE_POSTGRES_POOL_SIZE}: default 10
 *   <li>{@code postgres.migration-user}, {@code postgres.migration-password} /
 *       {@code AGENTSTORE_POSTGRES_MIGRATION_USER}, {@code ..._PASSWORD}: a role that owns the schema and applies
 *       migrations, then grants {@code postgres.user} its data privileges; without it the runtime user migrates
 *   <li>{@code pgvector.maintenance-work-mem} / {@code AGENTSTORE_PGVECTOR_MAINTENANCE_WORK_MEM}: memory for
 *       vector index builds, e.g. {@code 1GB}; default {@code 256MB}
 *   <li>{@code pgvector.collection-cache-ttl} / {@code AGENTSTORE_PGVECTOR_COLLECTION_CACHE_TTL}: how long a
 *       collection's spec is cached (ISO-8601 duration); default {@code PT1S}
 *   <li>{@code pgvector.bulk-load-rows} / {@code AGENTSTORE_PGVECTOR_BULK_LOAD_ROWS}: a write of at least this many
 *       chunks into an indexed collection holding fewer rows than it brings builds the index once after loading
 *       instead of inserting into it (the collection's readers wait for that load); default 10000, 0 never
 *   <li>{@code redis.url} / {@code AGENTSTORE_REDIS_URL}: e.g. {@code redis://localhost:6379}, or
 *       {@code rediss://user:password@host:6380/0} for TLS and authentication; when set, Redis serves the session
 *       cache, rate limits, presence, feature flags, the response cache and the recent-context cache. Several
 *       comma-separated URLs are the seed nodes of a cluster
 *   <li>{@code redis.cluster} / {@code AGENTSTORE_REDIS_CLUSTER}: {@code true} for Redis Cluster; default false
 *   <li>{@code redis.pool-size} / {@code AGENTSTORE_REDIS_POOL_SIZE}: connections per Redis node; default 16
 *   <li>{@code rate-limit.on-failure} / {@code AGENTSTORE_RATE_LIMIT_ON_FAILURE}: while the rate-limit backend is
 *       unavailable, {@code local} (default) limits each JVM's own calls in memory, {@code deny} refuses every call
 *   <li>{@code migrate-on-open} / {@code AGENTSTORE_MIGRATE_ON_OPEN}: default true
 *   <li>{@code timeout} / {@code AGENTSTORE_TIMEOUT}: connect and call timeout (ISO-8601 duration), default PT5S
 *   <li>{@code default-tenant} / {@code AGENTSTORE_DEFAULT_TENANT}: default {@code default}
 *   <li>{@code context-cache-size} / {@code AGENTSTORE_CONTEXT_CACHE_SIZE}: newest messages per conversation
 *       the recent-context cache keeps (1 to 1,000), default 50
 *   <li>{@code context-cache-ttl} / {@code AGENTSTORE_CONTEXT_CACHE_TTL}: how long an idle conversation stays in
 *       that cache (ISO-8601 duration), default PT1H
 *   <li>{@code provider.<capability>} / {@code AGENTSTORE_PROVIDER_<CAPABILITY>}: which provider serves a
 *       capability (e.g. {@code provider.vectors=pgvector}) when several could
 *   <li>{@code security.min-password-length} (default 15), {@code security.min-password-length-with-totp} (default
 *       8), {@code security.password-history} (default 5), {@code security.lockout-after} (consecutive failures,
 *       default 10), {@code security.max-lockout} (ISO-8601 duration, default PT15M) and
 *       {@code security.password-blocklist-file} (a UTF-8 file of refused passwords, one per line, added to the
 *       built-in list): the password and lockout policy ({@code AGENTSTORE_SECURITY_...} likewise)
 *   <li>{@code encryption.key.<id>} / {@code AGENTSTORE_ENCRYPTION_KEY_<ID>}: Base64 AES-256 keys for secrets at
 *       rest; {@code encryption.active-key} / {@code AGENTSTORE_ENCRYPTION_ACTIVE_KEY} names the one to encrypt with
 * </ul>
 * Every key read from a map or the environment is kept in {@link #properties()}, so third-party providers
 * can read their own keys. {@link #toString()} masks passwords and keys.
 *
 * @param properties all settings by property name, unmodifiable
 */
public record StoreConfig(Map<String, String> properties) {
    /** Default PostgreSQL schema. */
    public static final String DEFAULT_SCHEMA = "agentstore";
    /** Default tenant id. */
    public static final String DEFAULT_TENANT = "default";

    /** Copies and checks the settings. */
    public StoreConfig {
        Check.present("properties", properties);
        Map<String, String> copy = new LinkedHashMap<>();
        properties.forEach((k, v) -> copy.put(Check.name("config key", k), Check.text("config " + k, v, 4_096)));
        properties = Collections.unmodifiableMap(copy);
        validate(properties);
    }

    /** No backend configured: everything runs in memory. */
    public static StoreConfig defaults() {
        return new StoreConfig(Map.of());
    }

    /** A builder starting from the defaults. */
    public static StoreConfigBuilder builder() {
        return new StoreConfigBuilder(Map.of());
    }

    /** A builder starting from this configuration. */
    public StoreConfigBuilder toBuilder() {
        return new StoreConfigBuilder(properties);
    }

    /** The configuration in a map of property names (prefixed {@code agentstore.} or not). */
    public static StoreConfig fromMap(Map<String, String> map) {
        Map<String, String> props = new LinkedHashMap<>();
        map.forEach((k, v) -> props.put(k.startsWith("agentstore.") ? k.substring("agentstore.".length()) : k, v));
        return new StoreConfig(props);
    }

    /** The configuration in {@link Properties}. */
    public static StoreConfig fromProperties(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return fromMap(map);
    }

    /** The configuration in {@code AGENTSTORE_*} variables of an environment map. */
    public static StoreConfig fromEnvironment(Map<String, String> environment) {
        Map<String, String> props = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            String property = propertyOfVariable(name);
            if (property != null) {
                props.put(property, value);
            }
        });
        return new StoreConfig(props);
    }

    /** The configuration in this process's {@code AGENTSTORE_*} environment variables. */
    public static StoreConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * The property an environment variable sets, or null if its name does not start with {@code AGENTSTORE_}:
     * {@code AGENTSTORE_POSTGRES_POOL_SIZE} sets {@code postgres.pool-size}, {@code AGENTSTORE_ENCRYPTION_KEY_K2026}
     * sets {@code encryption.key.K2026}. For integrations that read variables beside other property sources.
     */
    public static String propertyOfVariable(String name) {
        Check.present("name", name);
        return name.startsWith("AGENTSTORE_")
                ? EnvironmentNames.toProperty(name.substring("AGENTSTORE_".length()))
                : null;
    }

    /** A setting, or null. */
    public String get(String key) {
        return properties.get(key);
    }

    /** A setting, or {@code fallback}. */
    public String get(String key, String fallback) {
        return properties.getOrDefault(key, fallback);
    }

    /** The PostgreSQL JDBC URL, or null. */
    public String postgresUrl() {
        return get("postgres.url");
    }

    /** The Redis URL, or null. */
    public String redisUrl() {
        return get("redis.url");
    }

    /** The PostgreSQL schema for agentstore's tables. */
    public String schema() {
        return get("postgres.schema", DEFAULT_SCHEMA);
    }

    /** The PostgreSQL schema for the security tables. */
    public String securitySchema() {
        return get("postgres.security-schema", schema() + "_security");
    }

    /** The tenant of {@link AgentStore}'s unscoped view. */
    public String defaultTenant() {
        return get("default-tenant", DEFAULT_TENANT);
    }

    /** Whether opening the store applies pending migrations. */
    public boolean migrateOnOpen() {
        return Boolean.parseBoolean(get("migrate-on-open", "true"));
    }

    /** Connect and call timeout. */
    public Duration timeout() {
        return Duration.parse(get("timeout", "PT5S"));
    }

    /** How many of a conversation's newest messages the recent-context cache keeps. */
    public int contextCacheSize() {
        return Integer.parseInt(get("context-cache-size", "50"));
    }

    /** How long an idle conversation stays in the recent-context cache. */
    public Duration contextCacheTtl() {
        return Duration.parse(get("context-cache-ttl", "PT1H"));
    }

    /** Whether rate-limit checks are refused, rather than limited in this JVM, while their backend is unavailable. */
    public boolean rateLimitsDenyOnFailure() {
        return get("rate-limit.on-failure", "local").equals("deny");
    }

    /**
     * The password and lockout policy: {@link PasswordPolicy#defaults()} with the {@code security.*} settings
     * applied.
     *
     * @throws ConfigurationException if a setting is out of range or the blocklist file cannot be read
     */
    public PasswordPolicy passwordPolicy() {
        return PasswordPolicySettings.read(this);
    }

    /** A secret setting (password, key), masked when printed, or null. */
    public Secret secret(String key) {
        String value = get(key);
        return value == null ? null : Secret.of(value);
    }

    /** Masks every password, secret and key, and the user-info of every URL ({@link #redact}). */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        properties.forEach((k, v) -> shown.put(k, isSecretKey(k) ? "****" : redact(v)));
        return "StoreConfig" + shown;
    }

    static boolean isSecretKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password")
                || lower.contains("secret")
                || lower.contains("encryption.key")
                || lower.contains("token");
    }

    /**
     * {@code value} safe to print: in each comma-separated part that is a URL, everything between {@code ://} and
     * the part's last {@code @} is masked (so a password holding {@code @}, {@code /} or {@code :}, or one with no
     * user name, as in {@code redis://:pw@host}, never shows), and so is every {@code password=} parameter. For
     * providers that print URLs of their own settings.
     */
    public static String redact(String value) {
        StringBuilder shown = new StringBuilder(value.length());
        for (String part : value.split(",", -1)) {
            if (!shown.isEmpty()) {
                shown.append(',');
            }
            int authority = part.indexOf("://");
            int at = part.lastIndexOf('@');
            shown.append(
                    authority >= 0 && at > authority
                            ? part.substring(0, authority + 3) + "****" + part.substring(at)
                            : part);
        }
        return shown.toString().replaceAll("(?i)(password=)[^&;,]*", "$1****");
    }

    private static void validate(Map<String, String> p) {
        String schema = p.getOrDefault("postgres.schema", DEFAULT_SCHEMA);
        identifier("postgres.schema", schema);
        String securitySchema = p.getOrDefault("postgres.security-schema", schema + "_security");
        identifier("postgres.security-schema", securitySchema);
        if (securitySchema.equals(schema)) {
            throw new ConfigurationException("postgres.security-schema must differ from postgres.schema");
        }
        try {
            Check.tenantId("default-tenant", p.getOrDefault("default-tenant", DEFAULT_TENANT));
        } catch (InvalidInputException e) {
            throw new ConfigurationException(e.getMessage());
        }
        positiveDuration(p, "timeout", "PT5S");
        positiveDuration(p, "context-cache-ttl", "PT1H");
        String poolSize = p.getOrDefault("postgres.pool-size", "10");
        if (!poolSize.matches("[1-9][0-9]{0,3}")) {
            throw new ConfigurationException("postgres.pool-size must be 1 to 9999, but was '" + poolSize + "'");
        }
        String cacheSize = p.getOrDefault("context-cache-size", "50");
        if (!cacheSize.matches("[1-9][0-9]{0,2}|1000")) {
            throw new ConfigurationException("context-cache-size must be 1 to 1000, but was '" + cacheSize + "'");
        }
        String onFailure = p.getOrDefault("rate-limit.on-failure", "local");
        if (!onFailure.equals("local") && !onFailure.equals("deny")) {
            throw new ConfigurationException(
                    "rate-limit.on-failure must be local or deny, but was '" + onFailure + "'");
        }
        if (p.containsKey("postgres.leak-detection")) {
            positiveDuration(p, "postgres.leak-detection", "PT30S");
        }
        for (String flag : List.of(
                "postgres.allow-plaintext",
                "postgres.allow-rls-bypass",
                "postgres.driver-trace",
                "pgvector.leakproof-jsonb",
                "redis.cluster")) {
            String value = p.getOrDefault(flag, "false");
            if (!value.equals("true") && !value.equals("false")) {
                throw new ConfigurationException(flag + " must be true or false, but was '" + value + "'");
            }
        }
        String migrate = p.getOrDefault("migrate-on-open", "true");
        if (!migrate.equals("true") && !migrate.equals("false")) {
            throw new ConfigurationException("migrate-on-open must be true or false, but was '" + migrate + "'");
        }
    }

    private static void identifier(String key, String value) {
        if (!value.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new ConfigurationException(key + " must be a lowercase SQL identifier, but was '" + value + "'");
        }
    }

    private static void positiveDuration(Map<String, String> p, String key, String fallback) {
        try {
            Duration value = Duration.parse(p.getOrDefault(key, fallback));
            if (value.isNegative() || value.isZero()) {
                throw new ConfigurationException(key + " must be positive, but was " + value);
            }
        } catch (java.time.format.DateTimeParseException e) {
            throw new ConfigurationException(key + " must be an ISO-8601 duration such as " + fallback, e);
        }
    }
}

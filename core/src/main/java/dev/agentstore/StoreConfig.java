package dev.agentstore;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.PasswordPolicySettings;
import dev.agentstore.security.PasswordPolicy;
import dev.agentstore.spi.CoreSettings;
import dev.agentstore.spi.Setting;
import dev.agentstore.spi.SettingCatalog;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Immutable store configuration: a map of settings by key. Build one in code with {@link #builder()}, or read it
 * from properties ({@link #fromMap}) or the environment ({@link #fromEnvironment()}).
 *
 * <p>Core's own keys ({@link CoreSettings}: timeout, default tenant, limits, the password policy...) are checked
 * when the configuration is built. Each provider declares the keys it reads ({@link
 * dev.agentstore.spi.StoreProvider#settings()}); {@link AgentStore#open} refuses a key no provider on the class
 * path declares, suggesting the nearest known one, and a value its declaration refuses, before anything connects.
 * README's configuration reference lists every key of the modules shipped together, with its environment variable,
 * type and default. {@link #toString()} masks passwords and keys.
 *
 * @param properties all settings by key, unmodifiable
 */
public record StoreConfig(Map<String, String> properties) {
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
     * sets {@code encryption.key.K2026}, as the settings declared on the class path name them ({@link
     * SettingCatalog#propertyOfVariable}). For integrations that read variables beside other property sources.
     */
    public static String propertyOfVariable(String name) {
        Check.present("name", name);
        return KnownSettings.CATALOG.propertyOfVariable(name);
    }

    /** A setting, or null. */
    public String get(String key) {
        return properties.get(key);
    }

    /** A setting, or {@code fallback}. */
    public String get(String key, String fallback) {
        return properties.getOrDefault(key, fallback);
    }

    /** The tenant of {@link AgentStore}'s unscoped view. */
    public String defaultTenant() {
        return CoreSettings.DEFAULT_TENANT.read(this);
    }

    /** Whether opening the store applies pending migrations. */
    public boolean migrateOnOpen() {
        return CoreSettings.MIGRATE_ON_OPEN.read(this);
    }

    /** Connect and call timeout. */
    public Duration timeout() {
        return CoreSettings.TIMEOUT.read(this);
    }

    /** How many of a conversation's newest messages the recent-context cache keeps. */
    public int contextCacheSize() {
        return CoreSettings.CONTEXT_CACHE_SIZE.read(this);
    }

    /** How long an idle conversation stays in the recent-context cache. */
    public Duration contextCacheTtl() {
        return CoreSettings.CONTEXT_CACHE_TTL.read(this);
    }

    /**
     * How long an append's idempotency key answers retries ({@code conversations.idempotency-key-ttl}): a retry
     * after that appends anew.
     */
    public Duration idempotencyKeyTtl() {
        return CoreSettings.IDEMPOTENCY_KEY_TTL.read(this);
    }

    /** Whether rate-limit checks are refused, rather than limited in this JVM, while their backend is unavailable. */
    public boolean rateLimitsDenyOnFailure() {
        return CoreSettings.RATE_LIMIT_ON_FAILURE.read(this).equals("deny");
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
        return KnownSettings.CATALOG.find(key).map(Setting::isSecret).orElse(false)
                || lower.contains("password")
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

    /** Checks the value of every core key present (providers' keys are checked when the store opens). */
    private static void validate(Map<String, String> p) {
        p.forEach((key, value) -> {
            for (Setting<?> setting : CoreSettings.ALL) {
                if (setting.matches(key)) {
                    setting.parse(key, value);
                }
            }
        });
    }

    /** The settings declared on this class path, found once. */
    private static final class KnownSettings {
        static final SettingCatalog CATALOG = discover();

        /** The class path's declarations; core's alone if they clash (AgentStore.open then reports the clash). */
        private static SettingCatalog discover() {
            try {
                return SettingCatalog.discover();
            } catch (ConfigurationException e) {
                return SettingCatalog.of(java.util.List.of());
            }
        }
    }
}

package dev.agentstore.postgres.spi;

import dev.agentstore.ConfigurationException;
import dev.agentstore.Secret;
import dev.agentstore.StoreConfig;
import dev.agentstore.spi.Setting;
import dev.agentstore.spi.StoreContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@code postgres.*} settings, read once per store into a typed record: where the database is, as which roles,
 * in which schemas, with how many connections, and how strictly. Every provider built on these helpers declares
 * {@link #DECLARED} among its settings and reads the record with {@link #of(StoreContext)}.
 *
 * @param url the JDBC URL, or null when the application's {@code dataSource} is used and no other role connects
 * @param user the runtime role, or null for the driver's default
 * @param password its password, or null
 * @param schema the schema of agentstore's tables
 * @param securitySchema the schema of the security tables
 * @param poolSize the HikariCP pool size
 * @param migrationUser the role that owns the schemas and migrates, or null when the runtime user does
 * @param migrationPassword its password, or null
 * @param ingestUser a {@code BYPASSRLS} role for direct COPY of large metric batches and history imports, or null
 * @param ingestPassword its password, or null
 * @param allowPlaintext whether an unencrypted connection to another host is allowed
 * @param leakDetection how long a borrowed connection may be held before it is logged, or null for never
 * @param allowRlsBypass whether to open, with a warning, where PostgreSQL would not keep tenants apart
 * @param driverTrace whether pgjdbc's own logging levels are left alone
 * @param replicaUrls the JDBC URLs of streaming read replicas of the database, connected to as the runtime role;
 *     empty for none
 * @param replicaMaxLag how far behind the primary a replica may be and still answer reads
 * @param replicaCheckInterval how often each replica's progress is measured against the primary
 * @param timeout the bound on connecting, pool waits and statements (core's {@code timeout})
 * @param dataSource the application's own pool the runtime role's statements run on, or null for agentstore's
 */
public record PostgresSettings(
        String url,
        String user,
        Secret password,
        String schema,
        String securitySchema,
        int poolSize,
        String migrationUser,
        Secret migrationPassword,
        String ingestUser,
        Secret ingestPassword,
        boolean allowPlaintext,
        Duration leakDetection,
        boolean allowRlsBypass,
        boolean driverTrace,
        List<String> replicaUrls,
        Duration replicaMaxLag,
        Duration replicaCheckInterval,
        Duration timeout,
        DataSource dataSource) {
    /** The default schema of agentstore's tables. */
    public static final String DEFAULT_SCHEMA = "agentstore";

    /** {@code postgres.url}. */
    public static final Setting<String> URL = Setting.of(
                    "postgres.url",
                    "JDBC URL",
                    null,
                    "JDBC URL; when set, store-postgres and vector-pgvector serve their capabilities",
                    value -> {
                        if (!value.startsWith("jdbc:postgresql:")) {
                            throw new IllegalArgumentException("must be a JDBC URL starting with jdbc:postgresql:");
                        }
                        return value;
                    })
            .shownAs("unset: in memory");
    /** {@code postgres.user}. */
    public static final Setting<String> USER =
            Setting.text("postgres.user", "the runtime role (owns nothing, no `BYPASSRLS`)");
    /** {@code postgres.password}. */
    public static final Setting<Secret> PASSWORD = Setting.secret("postgres.password", "its password");
    /** {@code postgres.schema}. */
    public static final Setting<String> SCHEMA =
            Setting.identifier("postgres.schema", DEFAULT_SCHEMA, "the schema of agentstore's tables");
    /** {@code postgres.security-schema}. */
    public static final Setting<String> SECURITY_SCHEMA = Setting.identifier(
                    "postgres.security-schema", null, "the schema of the security tables, granted and backed up apart")
            .shownAs("schema + `_security`");
    /** {@code postgres.pool-size}. */
    public static final Setting<Integer> POOL_SIZE =
            Setting.integer("postgres.pool-size", 10, 1, 9_999, "HikariCP pool size, shared with vector-pgvector");
    /** {@code postgres.migration-user}. */
    public static final Setting<String> MIGRATION_USER = Setting.text(
                    "postgres.migration-user",
                    "the role that owns the schemas, migrates and runs collection and partition DDL")
            .shownAs("unset: the runtime user migrates");
    /** {@code postgres.migration-password}. */
    public static final Setting<Secret> MIGRATION_PASSWORD =
            Setting.secret("postgres.migration-password", "its password");
    /** {@code postgres.ingest-user}. */
    public static final Setting<String> INGEST_USER = Setting.text(
                    "postgres.ingest-user",
                    "a `BYPASSRLS` role granted only `INSERT` on the metrics and history tables, for direct COPY of"
                            + " large metric batches and history imports")
            .shownAs("unset");
    /** {@code postgres.ingest-password}. */
    public static final Setting<Secret> INGEST_PASSWORD = Setting.secret("postgres.ingest-password", "its password");
    /** {@code postgres.allow-plaintext}. */
    public static final Setting<Boolean> ALLOW_PLAINTEXT = Setting.flag(
            "postgres.allow-plaintext", false, "allow `sslmode=disable`/`allow` to a host other than this machine");
    /** {@code postgres.leak-detection}. */
    public static final Setting<Duration> LEAK_DETECTION = Setting.duration(
                    "postgres.leak-detection",
                    null,
                    Duration.ofSeconds(2),
                    "log a connection borrowed longer than this")
            .shownAs("off");
    /** {@code postgres.allow-rls-bypass}. */
    public static final Setting<Boolean> ALLOW_RLS_BYPASS = Setting.flag(
            "postgres.allow-rls-bypass",
            false,
            "open even when PostgreSQL would not keep tenants apart for the runtime role (superuser, `BYPASSRLS`, a"
                    + " table's row-level security off, a table owned while another role migrates); warns once");
    /** {@code postgres.driver-trace}. */
    public static final Setting<Boolean> DRIVER_TRACE = Setting.flag(
            "postgres.driver-trace",
            false,
            "leave pgjdbc's logging levels alone (below INFO it logs URLs and bound values: hashes, sealed secrets,"
                    + " message text); for debugging only");

    /** {@code postgres.replica-urls}. */
    public static final Setting<List<String>> REPLICA_URLS = Setting.of(
                    "postgres.replica-urls",
                    "JDBC URLs, comma-separated",
                    "",
                    "streaming read replicas of the database (same database, roles and password): reads that tolerate"
                            + " lag go to one of them, round-robin, while it is within `postgres.replica-max-lag` of"
                            + " the primary",
                    PostgresSettings::replicaUrls)
            .masked() // a URL may carry a password
            .shownAs("none");
    /** {@code postgres.replica-max-lag}. */
    public static final Setting<Duration> REPLICA_MAX_LAG = Setting.duration(
            "postgres.replica-max-lag",
            Duration.ofSeconds(5),
            Duration.ofMillis(100),
            "a replica that has not replayed everything the primary had written this long ago is skipped until it"
                    + " catches up");
    /** {@code postgres.replica-check-interval}. */
    public static final Setting<Duration> REPLICA_CHECK_INTERVAL = Setting.duration(
            "postgres.replica-check-interval",
            Duration.ofSeconds(1),
            Duration.ofMillis(50),
            "how often each replica's replay position is compared with the primary's (must be shorter than"
                    + " `postgres.replica-max-lag`)");

    /** Every {@code postgres.*} setting. */
    public static final List<Setting<?>> DECLARED = List.of(
            URL,
            USER,
            PASSWORD,
            SCHEMA,
            SECURITY_SCHEMA,
            POOL_SIZE,
            MIGRATION_USER,
            MIGRATION_PASSWORD,
            INGEST_USER,
            INGEST_PASSWORD,
            ALLOW_PLAINTEXT,
            LEAK_DETECTION,
            ALLOW_RLS_BYPASS,
            DRIVER_TRACE,
            REPLICA_URLS,
            REPLICA_MAX_LAG,
            REPLICA_CHECK_INTERVAL);

    /** Checks the settings that depend on each other. */
    public PostgresSettings {
        if (url == null && dataSource == null) {
            throw new ConfigurationException("postgres.url is not set (nor a DataSource given to the builder)");
        }
        if (url == null && migrationUser != null) {
            throw new ConfigurationException("postgres.migration-user needs postgres.url to connect as that role: the"
                    + " application's DataSource connects as the runtime role");
        }
        if (url == null && ingestUser != null) {
            throw new ConfigurationException("postgres.ingest-user needs postgres.url to connect as that role: the"
                    + " application's DataSource connects as the runtime role");
        }
        if (securitySchema.equals(schema)) {
            throw new ConfigurationException("postgres.security-schema must differ from postgres.schema");
        }
        replicaUrls = List.copyOf(replicaUrls);
        if (!replicaUrls.isEmpty() && replicaCheckInterval.compareTo(replicaMaxLag) >= 0) {
            throw new ConfigurationException("postgres.replica-check-interval must be shorter than"
                    + " postgres.replica-max-lag: a replica is measured no more often than that, so it could never"
                    + " be shown to be within the lag");
        }
    }

    /** The comma-separated JDBC URLs of {@code postgres.replica-urls}, each checked. */
    private static List<String> replicaUrls(String value) {
        if (value.isBlank()) {
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        for (String url : value.split(",")) {
            String trimmed = url.strip();
            if (!trimmed.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("must be JDBC URLs starting with jdbc:postgresql:, separated by"
                        + " commas (entry " + (urls.size() + 1) + " is not)");
            }
            urls.add(trimmed);
        }
        return List.copyOf(urls);
    }

    /**
     * Reads and checks the settings of {@code config}.
     *
     * @throws ConfigurationException naming the key at fault
     */
    public static PostgresSettings read(StoreConfig config) {
        return read(config, null);
    }

    /**
     * Reads and checks the settings of {@code config}, with the application's own pool.
     *
     * @param dataSource the application's {@code DataSource} the runtime role's statements run on, or null to build
     *     a HikariCP pool from {@code postgres.url}
     * @throws ConfigurationException naming the key at fault
     */
    public static PostgresSettings read(StoreConfig config, DataSource dataSource) {
        String schema = SCHEMA.read(config);
        String securitySchema = SECURITY_SCHEMA.read(config);
        return new PostgresSettings(
                URL.read(config),
                USER.read(config),
                PASSWORD.read(config),
                schema,
                securitySchema != null ? securitySchema : schema + "_security",
                POOL_SIZE.read(config),
                MIGRATION_USER.read(config),
                MIGRATION_PASSWORD.read(config),
                INGEST_USER.read(config),
                INGEST_PASSWORD.read(config),
                ALLOW_PLAINTEXT.read(config),
                LEAK_DETECTION.read(config),
                ALLOW_RLS_BYPASS.read(config),
                DRIVER_TRACE.read(config),
                REPLICA_URLS.read(config),
                REPLICA_MAX_LAG.read(config),
                REPLICA_CHECK_INTERVAL.read(config),
                config.timeout(),
                dataSource);
    }

    /** The settings of the store {@code context} opens, read once and shared by every provider that asks. */
    public static PostgresSettings of(StoreContext context) {
        return context.shared(
                "postgres.settings",
                PostgresSettings.class,
                () -> read(context.config(), context.resource(DataSource.class).orElse(null)));
    }

    /** Whether the store {@code context} opens has a PostgreSQL URL or the application's own DataSource. */
    public static boolean isConfigured(StoreContext context) {
        return isConfigured(context.config())
                || context.resource(DataSource.class).isPresent();
    }

    /** Whether the runtime role's statements run on the application's own DataSource (which agentstore never closes). */
    public boolean ownDataSource() {
        return dataSource != null;
    }

    /** Whether {@code config} names a PostgreSQL URL. */
    public static boolean isConfigured(StoreConfig config) {
        return config.get(URL.name()) != null;
    }

    /** Whether a separate migration user is configured (so the runtime user needs grants). */
    public boolean separateMigrator() {
        return migrationUser != null;
    }

    /** The URL with its user-info and {@code password=} parameters masked. */
    public String safeUrl() {
        return url == null ? "the application's DataSource" : StoreConfig.redact(url);
    }

    /** The settings with the URL masked; passwords print as {@code ****}. */
    @Override
    public String toString() {
        return "PostgresSettings[url=" + safeUrl() + ", user=" + user + ", schema=" + schema + ", securitySchema="
                + securitySchema + ", poolSize=" + poolSize + ", migrationUser=" + migrationUser + ", ingestUser="
                + ingestUser + ", allowPlaintext=" + allowPlaintext + ", leakDetection=" + leakDetection
                + ", allowRlsBypass=" + allowRlsBypass + ", driverTrace=" + driverTrace + ", replicas="
                + replicaUrls.stream().map(StoreConfig::redact).toList() + ", replicaMaxLag=" + replicaMaxLag
                + ", replicaCheckInterval=" + replicaCheckInterval + ", timeout=" + timeout + "]";
    }
}

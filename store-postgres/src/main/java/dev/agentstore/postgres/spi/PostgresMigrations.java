package dev.agentstore.postgres.spi;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;

/**
 * The Flyway setup of this module: its own classpath location and history table inside the library's schema,
 * so other modules' migrations (pgvector's) run independently in any order. Shared by the backend and codegen.
 */
public final class PostgresMigrations {
    /** Where this module's migrations live on the class path. */
    public static final String LOCATION = "classpath:dev/agentstore/postgres/migration";

    /** This module's Flyway history table. */
    public static final String HISTORY_TABLE = "agentstore_postgres_history";

    /** The schema the committed jOOQ classes were generated from; mapped to the configured one at runtime. */
    public static final String GENERATED_SCHEMA = "agentstore";

    /** Where the security tables' migrations live on the class path. */
    public static final String SECURITY_LOCATION = "classpath:dev/agentstore/postgres/security/migration";

    /** The security schema's Flyway history table. */
    public static final String SECURITY_HISTORY_TABLE = "agentstore_security_history";

    /** The security schema the committed jOOQ classes were generated from. */
    public static final String GENERATED_SECURITY_SCHEMA = "agentstore_security";

    private PostgresMigrations() {}

    /** The version at which this module's migrations create the tenant-policy function. */
    public static final String TENANT_POLICY_VERSION = "17";

    /** The version at which the security tables' migrations create it. */
    public static final String SECURITY_TENANT_POLICY_VERSION = "3";

    /** Flyway for the security tables' migrations into {@code schema}. */
    public static Flyway securityFlyway(DataSource dataSource, String schema) {
        return flyway(
                dataSource,
                schema,
                PostgresMigrations.class,
                SECURITY_LOCATION,
                SECURITY_HISTORY_TABLE,
                new TenantPolicyMigration(SECURITY_TENANT_POLICY_VERSION));
    }

    /** Flyway for this module's migrations into {@code schema}. */
    public static Flyway flyway(DataSource dataSource, String schema) {
        return flyway(
                dataSource,
                schema,
                PostgresMigrations.class,
                LOCATION,
                HISTORY_TABLE,
                new TenantPolicyMigration(TENANT_POLICY_VERSION));
    }

    /**
     * Flyway for one agentstore module's migrations into {@code schema}: its location (on the class path of
     * {@code module}) and history table, baselined at 0 so modules migrate independently in any order, with the
     * tenant-policy function created at the version {@code tenantPolicy} carries, and the module's own {@code
     * callbacks} around them.
     */
    public static Flyway flyway(
            DataSource dataSource,
            String schema,
            Class<?> module,
            String location,
            String historyTable,
            TenantPolicyMigration tenantPolicy,
            Callback... callbacks) {
        return Flyway.configure(module.getClassLoader())
                .javaMigrations(tenantPolicy)
                .callbacks(callbacks)
                .dataSource(dataSource)
                .locations(location)
                .schemas(schema)
                .defaultSchema(schema)
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }
}

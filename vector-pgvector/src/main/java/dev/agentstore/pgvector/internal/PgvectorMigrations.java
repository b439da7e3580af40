package dev.agentstore.pgvector.internal;

import dev.agentstore.postgres.spi.PostgresMigrations;
import dev.agentstore.postgres.spi.TenantPolicyMigration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The Flyway setup of vector-pgvector: its own classpath location and history table in agentstore's schema, so
 * it migrates independently of store-postgres, in either order.
 */
public final class PgvectorMigrations {
    /** Where this module's migrations live on the class path. */
    public static final String LOCATION = "classpath:dev/agentstore/pgvector/migration";

    /** This module's Flyway history table. */
    public static final String HISTORY_TABLE = "agentstore_pgvector_history";

    /** The version at which this module's migrations create the tenant-policy function. */
    public static final String TENANT_POLICY_VERSION = "6";

    private PgvectorMigrations() {}

    /**
     * Flyway for this module's migrations into {@code schema}, marking {@code jsonb_contains} LEAKPROOF only if
     * {@code leakproofJsonb} (see {@link LeakproofJsonb}).
     */
    public static Flyway flyway(DataSource dataSource, String schema, boolean leakproofJsonb) {
        return PostgresMigrations.flyway(
                dataSource,
                schema,
                PgvectorMigrations.class,
                LOCATION,
                HISTORY_TABLE,
                new TenantPolicyMigration(TENANT_POLICY_VERSION),
                new LeakproofJsonb(leakproofJsonb));
    }
}

package com.example.agentstore.presence;

import dev.agentstore.postgres.spi.PostgresDsl;
import dev.agentstore.postgres.spi.PostgresErrors;
import dev.agentstore.postgres.spi.PostgresMigrations;
import dev.agentstore.postgres.spi.PostgresMigrator;
import dev.agentstore.postgres.spi.PostgresPool;
import dev.agentstore.postgres.spi.PostgresSettings;
import dev.agentstore.postgres.spi.RuntimeRole;
import dev.agentstore.postgres.spi.TenantPolicyMigration;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.state.Presence;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;

/**
 * The backend: one per store, on the connection pool store-postgres shares through the {@link StoreContext}, with
 * its own Flyway migrations and history table in agentstore's schema.
 */
final class PostgresPresenceBackend implements StoreBackend {
    /** Where the migrations live on the class path. */
    static final String LOCATION = "classpath:com/example/agentstore/presence/migration";

    /** This module's Flyway history table (named like agentstore's, so the role checks leave it out). */
    static final String HISTORY_TABLE = "agentstore_example_presence_history";

    private final PostgresSettings settings;
    private final DSLContext dsl;
    private final PresenceTable table;
    private final Clock clock;
    private final Duration sweepAfter;

    PostgresPresenceBackend(StoreContext context, Duration sweepAfter) {
        this.settings = PostgresSettings.of(context);
        this.dsl = PostgresDsl.create(PostgresPool.shared(context), settings.schema());
        this.table = new PresenceTable(settings.schema());
        this.clock = context.clock();
        this.sweepAfter = sweepAfter;
        RuntimeRole.verify(dsl, settings);
    }

    @Override
    public Presence presence(String tenant) {
        return new PostgresPresence(new TenantSql(dsl, tenant), table, clock, sweepAfter);
    }

    @Override
    public void migrate() {
        PostgresMigrator.migrate(
                settings,
                (dataSource, schema) -> PostgresMigrations.flyway(
                        dataSource,
                        schema,
                        PostgresPresenceBackend.class,
                        LOCATION,
                        HISTORY_TABLE,
                        new TenantPolicyMigration("1")));
        RuntimeRole.verify(dsl, settings);
    }

    @Override
    public String health() {
        return PostgresErrors.health(dsl);
    }

    /** The pool belongs to the store's context, which closes it. */
    @Override
    public void close() {}
}

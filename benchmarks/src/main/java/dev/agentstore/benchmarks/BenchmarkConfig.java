package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;

/**
 * The store configuration the benchmarks measure: the test fixture's database and roles, configured as an
 * application runs in production. The fixture switches on HikariCP's leak detection (a debugging aid, off by
 * default) so the test build can fail on a connection never returned; it schedules and cancels a timer task on
 * every checkout, which costs 10-30 us a call on a 2-core machine, so the benchmarks switch it off again.
 */
final class BenchmarkConfig {
    private BenchmarkConfig() {}

    /** A fresh database on the fixture's PostgreSQL, with agentstore's migrations applied. */
    static PostgresDatabase migratedDatabase() {
        PostgresDatabase database = PostgresDatabase.create(TestServers.postgres());
        AgentStore.open(of(database).toBuilder().migrateOnOpen(true).build()).close();
        return database;
    }

    /**
     * {@code database}'s configuration with an ingest role ({@code postgres.ingest-user}) created for it: a
     * {@code BYPASSRLS} login role to which the migrator (run here once) grants nothing but INSERT on the metrics and
     * history tables.
     */
    static StoreConfig withIngestRole(PostgresDatabase database) {
        String role = "agentstore_bench_ingest_" + Long.toHexString(System.nanoTime());
        database.executeAsAdmin("CREATE ROLE " + role + " LOGIN PASSWORD 'ingest' NOSUPERUSER BYPASSRLS");
        StoreConfig withIngest = of(database).toBuilder()
                .set("postgres.ingest-user", role)
                .set("postgres.ingest-password", "ingest")
                .build();
        AgentStore.open(withIngest.toBuilder().migrateOnOpen(true).build()).close();
        return withIngest;
    }

    /** {@code database}'s configuration with the production defaults for debugging aids. */
    static StoreConfig of(PostgresDatabase database) {
        return database.storeConfig().toBuilder()
                .set("postgres.leak-detection", null)
                .build();
    }
}

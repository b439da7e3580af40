package dev.agentstore.benchmarks;

import dev.agentstore.StoreConfig;
import dev.agentstore.testkit.fixture.PostgresDatabase;

/**
 * The store configuration the benchmarks measure: the test fixture's database and roles, configured as an
 * application runs in production. The fixture switches on HikariCP's leak detection (a debugging aid, off by
 * default) so the test build can fail on a connection never returned; it schedules and cancels a timer task on
 * every checkout, which costs 10-30 us a call on a 2-core machine, so the benchmarks switch it off again.
 */
final class BenchmarkConfig {
    private BenchmarkConfig() {}

    /** {@code database}'s configuration with the production defaults for debugging aids. */
    static StoreConfig of(PostgresDatabase database) {
        return database.storeConfig().toBuilder()
                .set("postgres.leak-detection", null)
                .build();
    }
}

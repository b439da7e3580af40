package dev.agentstore.pgvector;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;

/** The migrated database this module's suites share, one per test JVM. */
public final class PgvectorTestDatabase {
    private static PostgresDatabase shared;

    private PgvectorTestDatabase() {}

    /** The shared database, created and migrated (store-postgres and vector-pgvector) on first use. */
    public static synchronized PostgresDatabase shared() {
        if (shared == null) {
            PostgresDatabase database = PostgresDatabase.create(TestServers.postgres());
            AgentStore.open(database.storeConfig().toBuilder()
                            .migrateOnOpen(true)
                            .build())
                    .close();
            shared = database;
        }
        return shared;
    }
}

package dev.agentstore.postgres;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;

/** The migrated database the contract suites of this module share, one per test JVM. */
final class PostgresTestDatabase {
    private static PostgresDatabase shared;

    private PostgresTestDatabase() {}

    /** The shared database, created and migrated on first use. */
    static synchronized PostgresDatabase shared() {
        if (shared == null) {
            PostgresDatabase database = create();
            AgentStore.open(database.storeConfig().toBuilder()
                            .migrateOnOpen(true)
                            .build())
                    .close();
            shared = database;
        }
        return shared;
    }

    /** A new, empty, unmigrated database with its own runtime role. */
    static PostgresDatabase create() {
        return PostgresDatabase.create(TestServers.postgres());
    }
}

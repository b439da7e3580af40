package dev.agentstore.postgres;

import dev.agentstore.testkit.fixture.MigratedPostgres;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;

/** The migrated database the contract suites of this module share, one per test JVM. */
final class PostgresTestDatabase {
    private PostgresTestDatabase() {}

    /** The shared database, created and migrated on first use. */
    static PostgresDatabase shared() {
        return MigratedPostgres.shared();
    }

    /** A new, empty, unmigrated database with its own runtime role. */
    static PostgresDatabase create() {
        return PostgresDatabase.create(TestServers.postgres());
    }
}

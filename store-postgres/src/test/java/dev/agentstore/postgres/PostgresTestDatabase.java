package dev.agentstore.postgres;

import dev.agentstore.postgres.spi.PostgresMigrations;
import dev.agentstore.postgres.spi.PostgresMigrator;
import dev.agentstore.postgres.spi.PostgresSettings;
import dev.agentstore.testkit.fixture.MigratedPostgres;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import org.flywaydb.core.Flyway;

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

    /** A new database migrated up to and including {@code version} only: the schema a later migration finds. */
    static PostgresDatabase migratedTo(String version) {
        PostgresDatabase database = create();
        PostgresMigrator.migrate(
                PostgresSettings.read(database.storeConfig()),
                (dataSource, schema) -> Flyway.configure()
                        .configuration(
                                PostgresMigrations.flyway(dataSource, schema).getConfiguration())
                        .target(version)
                        .load());
        return database;
    }
}

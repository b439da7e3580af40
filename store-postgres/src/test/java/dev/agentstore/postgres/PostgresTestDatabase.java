package dev.agentstore.postgres;

import dev.agentstore.StoreConfig;
import dev.agentstore.testkit.fixture.PostgresServer;
import dev.agentstore.testkit.fixture.TestServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * One migrated database per test JVM, used the way production should use it: migrated by a privileged role,
 * and served to the store as an ordinary runtime role (no superuser, no BYPASSRLS, no table ownership), so
 * row-level security is really in force.
 */
final class PostgresTestDatabase {
    private static PostgresTestDatabase shared;

    private final PostgresServer server;
    private final String url;
    private final String runtimeRole;

    private PostgresTestDatabase(PostgresServer server, String url, String runtimeRole) {
        this.server = server;
        this.url = url;
        this.runtimeRole = runtimeRole;
    }

    /** The shared database, created and migrated on first use. */
    static synchronized PostgresTestDatabase shared() {
        if (shared == null) {
            shared = create();
            try (var store = dev.agentstore.AgentStore.open(
                    shared.config().toBuilder().migrateOnOpen(true).build())) {
                store.health();
            }
        }
        return shared;
    }

    /** A new, empty, unmigrated database with its own runtime role. */
    static PostgresTestDatabase create() {
        PostgresServer server = TestServers.postgres();
        String url = server.createDatabase();
        String role = "agentstore_runtime_"
                + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        // The role name is generated from hex digits above; CREATE ROLE takes no bind parameters.
        executeAsAdmin(server, url, "CREATE ROLE " + role + " LOGIN PASSWORD 'runtime' NOSUPERUSER NOBYPASSRLS");
        return new PostgresTestDatabase(server, url, role);
    }

    /** The store configuration: runtime role for calls, the server's admin as the migrator. */
    StoreConfig config() {
        return StoreConfig.builder()
                .postgres(url, runtimeRole, dev.agentstore.Secret.of("runtime"))
                .set("postgres.migration-user", server.username())
                .set("postgres.migration-password", server.password())
                .set("postgres.pool-size", "4")
                .migrateOnOpen(false)
                .build();
    }

    /** The JDBC URL of the database. */
    String url() {
        return url;
    }

    /** The runtime role the store connects as. */
    String runtimeRole() {
        return runtimeRole;
    }

    /** A connection as the server's administrator. */
    Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(url, server.username(), server.password());
    }

    /** Runs SQL as the server's administrator. */
    void executeAsAdmin(String sql) {
        executeAsAdmin(server, url, sql);
    }

    /** A connection as the runtime role. */
    Connection connectAsRuntime() throws SQLException {
        return DriverManager.getConnection(url, runtimeRole, "runtime");
    }

    private static void executeAsAdmin(PostgresServer server, String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("admin SQL failed: " + sql, e);
        }
    }
}

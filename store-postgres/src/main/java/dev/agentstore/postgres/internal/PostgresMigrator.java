package dev.agentstore.postgres.internal;

import dev.agentstore.StoreConfig;
import dev.agentstore.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Applies this module's migrations. With {@code postgres.migration-user} set, it migrates as that role (the
 * schema owner) and grants the runtime user ({@code postgres.user}) the data privileges it needs and nothing
 * more; otherwise it migrates as the runtime user. Migrators in several JVMs serialise on an advisory lock, so
 * each migration is applied once.
 */
final class PostgresMigrator {
    /** An arbitrary constant shared by every agentstore migrator: "agentsto" in ASCII. */
    private static final long LOCK_KEY = 0x6167656e7473746fL;

    private PostgresMigrator() {}

    static void migrate(StoreConfig config) {
        String user = config.get("postgres.migration-user", config.get("postgres.user"));
        String password = config.get("postgres.migration-user") != null
                ? config.get("postgres.migration-password")
                : config.get("postgres.password");
        DataSource dataSource = dataSource(config.postgresUrl(), user, password);
        try (Connection lock = dataSource.getConnection()) {
            advisory(lock, "pg_advisory_lock");
            try {
                PostgresMigrations.flyway(dataSource, config.schema()).migrate();
                if (config.get("postgres.migration-user") != null) {
                    grantRuntimePrivileges(lock, config.schema(), config.get("postgres.user"));
                }
            } finally {
                advisory(lock, "pg_advisory_unlock");
            }
        } catch (SQLException | FlywayException e) {
            throw new StoreUnavailableException(
                    "could not migrate the PostgreSQL schema '" + config.schema() + "' at "
                            + PostgresPool.safeUrl(config),
                    e);
        }
    }

    private static void grantRuntimePrivileges(Connection connection, String schema, String runtimeUser) {
        var dsl = DSL.using(connection, SQLDialect.POSTGRES);
        dsl.execute("grant usage on schema {0} to {1}", DSL.name(schema), DSL.name(runtimeUser));
        dsl.execute(
                "grant select, insert, update, delete on all tables in schema {0} to {1}",
                DSL.name(schema), DSL.name(runtimeUser));
    }

    private static void advisory(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        }
    }

    private static DataSource dataSource(String url, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }
}

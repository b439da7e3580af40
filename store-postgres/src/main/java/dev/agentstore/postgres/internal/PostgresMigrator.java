package dev.agentstore.postgres.internal;

import dev.agentstore.StoreConfig;
import dev.agentstore.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Applies one module's migrations. With {@code postgres.migration-user} set, it migrates as that role (the
 * schema owner) and grants the runtime user ({@code postgres.user}) the data privileges it needs and nothing
 * more; otherwise it migrates as the runtime user. Migrators of every module in every JVM serialise on one
 * advisory lock, so each migration is applied once.
 */
public final class PostgresMigrator {
    /** An arbitrary constant shared by every agentstore migrator: "agentsto" in ASCII. */
    private static final long LOCK_KEY = 0x6167656e7473746fL;

    private PostgresMigrator() {}

    /**
     * Migrates the configured schema with the module's Flyway (built by {@code flyway} for a data source and a
     * schema).
     *
     * @throws StoreUnavailableException if the database cannot be reached or a migration fails
     */
    public static void migrate(StoreConfig config, BiFunction<DataSource, String, Flyway> flyway) {
        migrate(config, config.schema(), flyway);
    }

    /**
     * Migrates {@code schema} with the module's Flyway, as {@link #migrate(StoreConfig, BiFunction)} does the
     * configured main schema.
     *
     * @throws StoreUnavailableException if the database cannot be reached or a migration fails
     */
    public static void migrate(StoreConfig config, String schema, BiFunction<DataSource, String, Flyway> flyway) {
        DataSource dataSource = SchemaOwner.dataSource(config);
        try (Connection lock = dataSource.getConnection()) {
            advisory(lock, "pg_advisory_lock");
            try {
                flyway.apply(dataSource, schema).migrate();
                if (SchemaOwner.isSeparate(config)) {
                    grantRuntimePrivileges(lock, schema, config.get("postgres.user"));
                }
            } finally {
                advisory(lock, "pg_advisory_unlock");
            }
        } catch (SQLException | FlywayException e) {
            throw new StoreUnavailableException(
                    "could not migrate the PostgreSQL schema '" + schema + "' at " + PostgresPool.safeUrl(config), e);
        }
    }

    private static void grantRuntimePrivileges(Connection connection, String schema, String runtimeUser) {
        var dsl = DSL.using(connection, SQLDialect.POSTGRES);
        dsl.execute("grant usage on schema {0} to {1}", DSL.name(schema), DSL.name(runtimeUser));
        dsl.execute(
                "grant select, insert, update, delete on all tables in schema {0} to {1}",
                DSL.name(schema), DSL.name(runtimeUser));
        dsl.execute("grant usage on all sequences in schema {0} to {1}", DSL.name(schema), DSL.name(runtimeUser));
    }

    private static void advisory(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        }
    }
}

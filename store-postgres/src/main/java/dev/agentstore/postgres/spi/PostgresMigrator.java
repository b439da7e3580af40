package dev.agentstore.postgres.spi;

import dev.agentstore.ConfigurationException;
import dev.agentstore.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.jooq.DSLContext;
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
    public static void migrate(PostgresSettings config, BiFunction<DataSource, String, Flyway> flyway) {
        migrate(config, config.schema(), flyway);
    }

    /**
     * Migrates {@code schema} with the module's Flyway, as {@link #migrate(PostgresSettings, BiFunction)} does the
     * configured main schema.
     *
     * @throws StoreUnavailableException if the database cannot be reached or a migration fails
     */
    public static void migrate(PostgresSettings config, String schema, BiFunction<DataSource, String, Flyway> flyway) {
        DataSource dataSource = SchemaOwner.dataSource(config);
        try (Connection lock = dataSource.getConnection()) {
            advisory(lock, "pg_advisory_lock");
            try {
                flyway.apply(dataSource, schema).migrate();
                if (config.separateMigrator()) {
                    grantRuntimePrivileges(lock, schema, config.user());
                    String ingest = config.ingestUser();
                    if (ingest != null && schema.equals(config.schema())) {
                        grantIngestPrivileges(lock, schema, ingest);
                    }
                }
            } finally {
                advisory(lock, "pg_advisory_unlock");
            }
        } catch (FlywayValidateException e) {
            throw new ConfigurationException(
                    "the migrations applied to the PostgreSQL schema '" + schema + "' differ from the ones this version"
                            + " of agentstore ships (a shipped migration was changed, or the schema belongs to another"
                            + " version): " + e.getMessage(),
                    e);
        } catch (SQLException | FlywayException e) {
            throw new StoreUnavailableException(
                    "could not migrate the PostgreSQL schema '" + schema + "' at " + config.safeUrl(), e);
        }
    }

    /**
     * Data privileges on the schema's tables, nothing on Flyway's history tables ({@code agentstore_*_history}) and
     * nothing on partitions (rows reach them through their parent, whose privileges and policy apply); whatever an
     * earlier version granted on those is revoked.
     */
    private static void grantRuntimePrivileges(Connection connection, String schema, String runtimeUser) {
        var dsl = DSL.using(connection, SQLDialect.POSTGRES);
        var role = DSL.name(runtimeUser);
        dsl.execute("grant usage on schema {0} to {1}", DSL.name(schema), role);
        for (TableKind table : tables(dsl, schema)) {
            var name = DSL.name(schema, table.name());
            if (table.granted()) {
                dsl.execute("grant select, insert, update, delete on {0} to {1}", name, role);
            } else {
                dsl.execute("revoke all on {0} from {1}", name, role);
            }
        }
        dsl.execute("grant usage on all sequences in schema {0} to {1}", DSL.name(schema), role);
        if (hasTable(dsl, schema, "audit_log")) {
            // Append-only for the runtime role twice over: no privilege, and the table's triggers refuse anyway.
            dsl.execute("revoke update, delete, truncate on {0} from {1}", DSL.name(schema, "audit_log"), role);
        }
    }

    /** A table of the schema and whether the runtime role gets data privileges on it. */
    private record TableKind(String name, boolean granted) {}

    private static List<TableKind> tables(DSLContext dsl, String schema) {
        return dsl.fetch(
                        "select c.relname, not (c.relispartition or c.relname like 'agentstore\\_%\\_history')"
                                + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                                + " where n.nspname = {0} and c.relkind in ('r', 'p')",
                        DSL.val(schema))
                .map(r -> new TableKind(r.get(0, String.class), r.get(1, Boolean.class)));
    }

    private static boolean hasTable(DSLContext dsl, String schema, String table) {
        return dsl.fetchExists(DSL.selectOne()
                .from(DSL.table(DSL.name("pg_catalog", "pg_tables")))
                .where(
                        DSL.field(DSL.name("schemaname")).eq(schema),
                        DSL.field(DSL.name("tablename")).eq(table)));
    }

    /**
     * INSERT on the three metrics tables and their serials, and on the three tables a history import fills (users,
     * conversations, messages), nothing else: the ingest role reads, changes and deletes nothing.
     */
    private static void grantIngestPrivileges(Connection connection, String schema, String ingestUser) {
        var dsl = DSL.using(connection, SQLDialect.POSTGRES);
        if (!hasTable(dsl, schema, "metric_series")) {
            return; // another module's schema step, or before the metrics migration
        }
        dsl.execute("grant usage on schema {0} to {1}", DSL.name(schema), DSL.name(ingestUser));
        dsl.execute(
                "grant insert on {0}, {1}, {2}, {3}, {4}, {5} to {6}",
                DSL.name(schema, "llm_metrics"),
                DSL.name(schema, "system_metrics"),
                DSL.name(schema, "metric_series"),
                DSL.name(schema, "users"),
                DSL.name(schema, "conversations"),
                DSL.name(schema, "messages"),
                DSL.name(ingestUser));
        dsl.execute(
                "grant usage on sequence {0}, {1} to {2}",
                DSL.name(schema, "system_metrics_serial_seq"),
                DSL.name(schema, "metric_series_serial_seq"),
                DSL.name(ingestUser));
    }

    private static void advisory(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        }
    }
}

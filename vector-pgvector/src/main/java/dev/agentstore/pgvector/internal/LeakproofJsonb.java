package dev.agentstore.pgvector.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether {@code pg_catalog.jsonb_contains} (behind {@code jsonb @> jsonb}) is LEAKPROOF, so metadata filters can
 * use their GIN index under row-level security. The mark is database-wide: it changes how the planner orders that
 * function against every row-level security policy in the database, other applications' schemas included, so
 * agentstore sets it only when asked ({@code pgvector.leakproof-jsonb=true}).
 *
 * <p>The shipped migration V3 marks it whenever a superuser migrates. This callback keeps that migration as shipped
 * and undoes its effect right after it ran, unless asked for, when the function was not leakproof before. When asked
 * for, every migration makes sure of it: directly as a superuser, else with a warning naming the statement for a DBA.
 * Without the mark, filtered searches return the same results, reading the collection instead of the index.
 */
final class LeakproofJsonb implements Callback {
    private static final Logger LOG = LoggerFactory.getLogger(LeakproofJsonb.class);
    private static final String FUNCTION = "pg_catalog.jsonb_contains(jsonb, jsonb)";
    private static final String SHIPPED_MIGRATION = "3";

    private final boolean wanted;
    private boolean leakproofBeforeV3;

    LeakproofJsonb(boolean wanted) {
        this.wanted = wanted;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE
                || (isShippedMigration(context)
                        && (event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE));
    }

    private static boolean isShippedMigration(Context context) {
        return context != null
                && context.getMigrationInfo() != null
                && context.getMigrationInfo().getVersion() != null
                && SHIPPED_MIGRATION.equals(
                        context.getMigrationInfo().getVersion().getVersion());
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            if (event == Event.BEFORE_EACH_MIGRATE) {
                leakproofBeforeV3 = isLeakproof(connection);
            } else if (event == Event.AFTER_EACH_MIGRATE) {
                if (!wanted && !leakproofBeforeV3 && isLeakproof(connection)) {
                    execute(connection, "alter function " + FUNCTION + " not leakproof");
                }
            } else if (wanted && !isLeakproof(connection)) {
                if (isSuperuser(connection)) {
                    execute(connection, "alter function " + FUNCTION + " leakproof");
                } else {
                    LOG.warn(
                            "pgvector.leakproof-jsonb=true, but {} is not LEAKPROOF and the migration role is not a"
                                    + " superuser: run \"ALTER FUNCTION {} LEAKPROOF\" as one, so metadata filters can use"
                                    + " their index (they return the same results without it, more slowly)",
                            FUNCTION,
                            FUNCTION);
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("could not check or set LEAKPROOF on " + FUNCTION, e);
        }
    }

    @Override
    public String getCallbackName() {
        return "agentstore-leakproof-jsonb";
    }

    private static boolean isLeakproof(Connection connection) throws SQLException {
        return queryBoolean(
                connection, "select proleakproof from pg_proc where oid = '" + FUNCTION + "'::regprocedure");
    }

    private static boolean isSuperuser(Connection connection) throws SQLException {
        return queryBoolean(connection, "select rolsuper from pg_roles where rolname = current_user");
    }

    private static boolean queryBoolean(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            return row.next() && row.getBoolean(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

package dev.agentstore.postgres.spi;

import dev.agentstore.AgentStoreException;
import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Translates jOOQ and JDBC failures into agentstore's exceptions at the repository boundary, keeping the cause.
 * Messages name the SQL state and constraint only, never the values involved.
 */
public final class PostgresErrors {
    private PostgresErrors() {}

    /** {@code up}, or {@code down: <why>}: a trivial query through {@code dsl}'s pool. */
    public static String health(DSLContext dsl) {
        try {
            dsl.selectOne().fetch();
            return "up";
        } catch (DataAccessException e) {
            return "down: " + translate(e).getMessage();
        }
    }

    /** The agentstore exception for a failed database call. */
    public static AgentStoreException translate(DataAccessException e) {
        SQLException sql = sqlExceptionIn(e);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String constraint = constraintOf(sql);
        if (state.equals("23505")) {
            return new ConflictException("duplicate key violates " + constraint, e);
        }
        if (state.equals("23503")) {
            return new NotFoundException("a referenced row does not exist (" + constraint + ")", e);
        }
        if (state.startsWith("23") || state.startsWith("22")) {
            return refused(sql, state, e);
        }
        if (isUnavailable(state) || sql instanceof SQLTransientException || sql == null) {
            return new StoreUnavailableException("PostgreSQL is unavailable (SQL state " + state + ")", e);
        }
        return new AgentStoreException("PostgreSQL call failed (SQL state " + state + ")", e);
    }

    /** Whether {@code e} (a translated failure) was raised by the constraint named {@code constraint}. */
    public static boolean violates(AgentStoreException e, String constraint) {
        return constraint.equals(constraintOf(sqlExceptionIn(e)));
    }

    /** The first {@link SQLException} in {@code e}'s cause chain ({@code e} included), or null. */
    public static SQLException sqlExceptionIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /**
     * A value PostgreSQL refused (integrity or data exception): the field is the column the server names, else the
     * constraint, else the table, else {@code "value"}; the message names the SQL state and constraint, never the
     * value.
     */
    private static InvalidInputException refused(SQLException sql, String state, DataAccessException e) {
        String column = null;
        String constraint = null;
        String table = null;
        if (sql instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
            column = psql.getServerErrorMessage().getColumn();
            constraint = psql.getServerErrorMessage().getConstraint();
            table = psql.getServerErrorMessage().getTable();
        }
        String field = column != null
                ? (table != null ? table + "." + column : column)
                : constraint != null ? constraint : table != null ? table : "value";
        String rule = switch (state) {
            case "23502" -> "must not be null";
            case "23514" -> "breaks the check " + (constraint == null ? "constraint" : constraint);
            case "22001" -> "is too long for its column";
            case "22003" -> "is out of range for its column";
            case "22P02" -> "is not valid text for its column's type";
            case "22021" -> "holds a byte sequence invalid in UTF-8 (e.g. a NUL character)";
            default -> "was refused by PostgreSQL";
        };
        return new InvalidInputException(
                field,
                rule + " (SQL state " + state + (constraint != null ? ", constraint " + constraint : "") + ")",
                e);
    }

    private static boolean isUnavailable(String state) {
        return state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources
                || state.startsWith("57P") // admin shutdown, crash shutdown, cannot connect now
                || state.equals("40001") // serialization failure: retry
                || state.equals("40P01") // deadlock: retry
                || state.equals("55P03") // lock not available within lock_timeout: retry
                || state.equals("25P03"); // idle in transaction timeout
    }

    private static String constraintOf(SQLException sql) {
        if (sql instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
            String name = psql.getServerErrorMessage().getConstraint();
            return name == null ? "a constraint" : name;
        }
        return "a constraint";
    }
}

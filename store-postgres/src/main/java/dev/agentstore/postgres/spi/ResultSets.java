package dev.agentstore.postgres.spi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC plumbing of {@link TenantSql}'s multi-statement calls: finding the query's rows behind the tenant
 * statement's, reading them, and leaving a connection clean for the pool after a failure.
 */
final class ResultSets {
    private ResultSets() {}

    /** Reads a whole result set. */
    @FunctionalInterface
    interface Handler<T> {
        /** The value {@code rows} make. */
        T handle(ResultSet rows) throws SQLException;
    }

    /** Every row of {@code rows}, read by {@code reader}. */
    static <T> List<T> readAll(ResultSet rows, RowReader<T> reader) throws SQLException {
        List<T> values = new ArrayList<>();
        while (rows.next()) {
            values.add(reader.read(rows));
        }
        return values;
    }

    /**
     * Executes {@code statement} and hands its second result set to {@code handler}: the first is the tenant
     * statement's ({@code set_config}), the second the query's.
     */
    static <T> T handleSecond(PreparedStatement statement, Handler<T> handler) throws SQLException {
        boolean isResultSet = statement.execute();
        int resultSets = 0;
        while (isResultSet || statement.getUpdateCount() != -1) {
            if (isResultSet && ++resultSets == 2) {
                try (ResultSet rows = statement.getResultSet()) {
                    return handler.handle(rows);
                }
            }
            isResultSet = statement.getMoreResults();
        }
        throw new IllegalStateException("the statement returned no result set");
    }

    /** After a failed statement the explicit transaction is aborted; end it before the pool hands it out again. */
    static void rollbackQuietly(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("rollback");
        } catch (SQLException ignored) {
            // the connection is broken; the pool notices and replaces it
        }
    }

    /** Puts {@code connection} back into autocommit after a transaction. */
    static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is broken; the pool notices and replaces it, and the original failure propagates
        }
    }
}

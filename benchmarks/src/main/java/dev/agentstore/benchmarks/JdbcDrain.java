package dev.agentstore.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Hand-written JDBC sides of the profiles: run a statement (of one or several queries) and read all it returns. */
final class JdbcDrain {
    private JdbcDrain() {}

    /**
     * Runs {@code sql} with {@code values} bound in order ({@code setObject}: a {@code String} binds as {@code
     * varchar}) and reads every column of every row of every result set.
     */
    static void run(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            boolean isResultSet = statement.execute();
            while (isResultSet || statement.getUpdateCount() != -1) {
                if (isResultSet) {
                    try (ResultSet rows = statement.getResultSet()) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int c = 1; c <= columns; c++) {
                                rows.getObject(c);
                            }
                        }
                    }
                }
                isResultSet = statement.getMoreResults();
            }
        }
    }
}

package dev.agentstore.postgres.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One transaction on a connection of the ingest role's pool: committed when the work returns, rolled back when it
 * throws, the connection handed back in autocommit. The role bypasses row-level security, so no tenant is set; the
 * work writes the tenant column itself.
 */
public final class IngestTransaction {
    private IngestTransaction() {}

    /** What runs inside the transaction. */
    @FunctionalInterface
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction on a connection of {@code pool}. */
    public static void run(DataSource pool, Work work) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}

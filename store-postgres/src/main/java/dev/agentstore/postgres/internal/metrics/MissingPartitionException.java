package dev.agentstore.postgres.internal.metrics;

import dev.agentstore.postgres.internal.PostgresErrors;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;

/**
 * A row fell in a month whose partition does not exist (another process's retention dropped it after this one
 * last looked). The write is rolled back; the repository re-checks the partitions and retries once.
 */
final class MissingPartitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingPartitionException(Throwable cause) {
        super("a metric row has no partition for its month", cause);
    }

    /**
     * Whether {@code e} is PostgreSQL's "no partition of relation found for row": a check violation (23514) that
     * names no constraint, unlike a failed CHECK.
     */
    static boolean isCause(Throwable e) {
        SQLException sql = PostgresErrors.sqlExceptionIn(e);
        if (sql == null || !"23514".equals(sql.getSQLState())) {
            return false;
        }
        return !(sql instanceof PSQLException psql)
                || psql.getServerErrorMessage() == null
                || psql.getServerErrorMessage().getConstraint() == null;
    }
}

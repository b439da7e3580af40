package dev.agentstore.postgres.internal.partition;

import dev.agentstore.postgres.spi.PostgresErrors;
import java.sql.SQLException;
import java.util.function.LongSupplier;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;

/**
 * A row fell in a month whose partition does not exist (another process's retention dropped it after this one
 * last looked). The write is rolled back; {@link MonthlyPartitions#write} re-checks the partitions and retries once.
 */
public final class MissingPartitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A write that met a missing partition. */
    public MissingPartitionException(Throwable cause) {
        super("a row has no partition for its month", cause);
    }

    /**
     * Whether {@code e} is PostgreSQL's "no partition of relation found for row": a check violation (23514) that
     * names no constraint, unlike a failed CHECK.
     */
    public static boolean isCause(Throwable e) {
        SQLException sql = PostgresErrors.sqlExceptionIn(e);
        if (sql == null || !"23514".equals(sql.getSQLState())) {
            return false;
        }
        return !(sql instanceof PSQLException psql)
                || psql.getServerErrorMessage() == null
                || psql.getServerErrorMessage().getConstraint() == null;
    }

    /** Runs an insert into a partitioned table, telling a row without a partition apart from other failures. */
    public static long translate(LongSupplier insert) {
        try {
            return insert.getAsLong();
        } catch (DataAccessException e) {
            if (isCause(e)) {
                throw new MissingPartitionException(e);
            }
            throw e;
        }
    }
}

package dev.agentstore.postgres.spi;

import com.zaxxer.hikari.HikariDataSource;
import dev.agentstore.StoreConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read replica: its pool, how far it has provably caught up with the primary, and whether it answered its last
 * check. A replica is usable while it answers and has replayed everything the primary had written no longer than
 * the maximum lag ago. Thread-safe.
 */
final class Replica implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Replica.class);
    private static final String PROGRESS =
            "select pg_is_in_recovery(), (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint";

    private final int number;
    private final String name;
    private final HikariDataSource pool;
    private final DSLContext dsl;
    private volatile long caughtUpNanos = Long.MIN_VALUE;
    private volatile String problem = "not checked yet";

    /** The replica at {@code url}, the {@code number}th of {@code postgres.replica-urls} (from 1), read through {@code pool}. */
    Replica(int number, String url, HikariDataSource pool) {
        this.number = number;
        this.name = StoreConfig.redact(url);
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.POSTGRES);
    }

    /** The context whose connections come from this replica's pool. */
    DSLContext dsl() {
        return dsl;
    }

    /** Its place in {@code postgres.replica-urls}, from 1. */
    int number() {
        return number;
    }

    /**
     * How far behind the primary it has provably been at {@code nowNanos}, in seconds: the time since the primary
     * reported the newest position this replica has replayed; NaN until a check has dated it once.
     */
    double lagSeconds(long nowNanos) {
        long caughtUp = caughtUpNanos;
        return caughtUp == Long.MIN_VALUE ? Double.NaN : (nowNanos - caughtUp) / 1e9;
    }

    /**
     * Its state at {@code nowNanos} in one line without secrets: {@code in use, 0.1 s behind}, or {@code skipped: }
     * and why (too far behind, its check failed, not a standby).
     */
    String status(long nowNanos, long maxLagNanos) {
        String why = problem;
        if (why != null) {
            return "skipped: " + why;
        }
        double lag = lagSeconds(nowNanos);
        if (Double.isNaN(lag)) {
            return "skipped: it has not yet replayed a position the primary reported";
        }
        if (!usable(nowNanos, maxLagNanos)) {
            return String.format(
                    Locale.ROOT, "skipped: %.1f s behind, more than the %.1f s allowed", lag, maxLagNanos / 1e9);
        }
        return String.format(Locale.ROOT, "in use, %.1f s behind", lag);
    }

    /** Whether it answered its last check and is at most {@code maxLagNanos} behind at {@code nowNanos}. */
    boolean usable(long nowNanos, long maxLagNanos) {
        long caughtUp = caughtUpNanos;
        return problem == null && caughtUp != Long.MIN_VALUE && nowNanos - caughtUp <= maxLagNanos;
    }

    /**
     * Reads how far the replica has replayed and dates it by {@code primary}'s samples; a replica that cannot be
     * reached, or is no longer a standby (promoted: it would drift apart from the primary), is not used until a check
     * finds it well again.
     */
    void check(WalProgress primary) {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(PROGRESS);
                ResultSet row = statement.executeQuery()) {
            row.next();
            if (!row.getBoolean(1)) {
                fail("it is not a standby in recovery (promoted?)");
                return;
            }
            long caughtUp = primary.caughtUpAt(row.getLong(2));
            if (caughtUp > caughtUpNanos || caughtUpNanos == Long.MIN_VALUE) {
                caughtUpNanos = caughtUp;
            }
            if (problem != null) {
                LOG.info(
                        "read replica {} answers again; reads that tolerate lag go to it while it is within the"
                                + " maximum lag",
                        name);
                problem = null;
            }
        } catch (SQLException | RuntimeException e) {
            String state = stateOf(PostgresErrors.sqlExceptionIn(e));
            fail("its check failed (" + (state.isEmpty() ? e.getClass().getSimpleName() : "SQL state " + state) + ")");
        }
    }

    /**
     * Whether a read that failed on this replica with {@code failure} should go to the primary instead: when the
     * replica or the connection to it is gone (the replica is then not used until a check finds it well), when the
     * replica cancelled the read to go on replaying (a recovery conflict), and when the replica has not yet replayed
     * the table the read needs. A failure the primary would give as well (bad input) is the caller's.
     */
    boolean givesWayAfter(DataAccessException failure) {
        SQLException sql = PostgresErrors.sqlExceptionIn(failure);
        String state = stateOf(sql);
        boolean gone = LostConnections.isLost(failure)
                || sql instanceof SQLTransientConnectionException // no connection within the pool's timeout
                || state.equals("57P03") // cannot connect now: starting up or shutting down
                || state.equals("53300"); // too many connections
        if (gone) {
            fail("a read failed on it (SQL state " + state + ")");
            pool.getHikariPoolMXBean().softEvictConnections();
            return true;
        }
        return state.equals("40001") || state.equals("42P01");
    }

    private static String stateOf(SQLException sql) {
        return sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
    }

    /** Why it is not used, or null while it answers. */
    String problem() {
        return problem;
    }

    private void fail(String why) {
        if (problem == null) {
            LOG.warn(
                    "read replica {} is skipped until a check finds it well: {}; its reads go to the primary",
                    name,
                    why);
        }
        problem = why;
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "Replica[" + name + "]";
    }
}

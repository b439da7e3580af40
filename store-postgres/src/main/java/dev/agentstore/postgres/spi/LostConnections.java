package dev.agentstore.postgres.spi;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.impl.DataSourceConnectionProvider;

/**
 * Failures that mean the connection itself is gone, and what to do about its pool.
 *
 * <p>When PostgreSQL restarts, fails over, or an administrator terminates backends, every pooled connection to it
 * dies at once, yet HikariCP checks a connection before handing it out only when it has sat idle for a while (half
 * a second), so a busy application would otherwise draw one dead connection after another, each failing a call.
 */
final class LostConnections {
    private LostConnections() {}

    /**
     * Whether {@code failure} says the connection was lost: a connection exception (SQL state class 08, e.g. an I/O
     * error on the socket) or the server ending the session (57P01 administrator command or failover, 57P02 crash
     * shutdown). Such a call reached no result, and its connection is useless.
     */
    static boolean isLost(Throwable failure) {
        SQLException sql = PostgresErrors.sqlExceptionIn(failure);
        String state = sql == null ? null : sql.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02"));
    }

    /**
     * Has {@code dsl}'s pool, when it is a HikariCP pool, close its idle connections now and its busy ones when they
     * come back, so the next calls get fresh connections; a pool of another kind is left to its own checks.
     */
    static void evictIdle(DSLContext dsl) {
        if (dsl.configuration().connectionProvider() instanceof DataSourceConnectionProvider provider
                && provider.dataSource() instanceof HikariDataSource hikari) {
            HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
            if (pool != null) {
                pool.softEvictConnections();
            }
        }
    }
}

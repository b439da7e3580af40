package dev.agentstore.postgres.spi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.agentstore.ConfigurationException;
import dev.agentstore.Secret;
import dev.agentstore.StoreUnavailableException;
import dev.agentstore.spi.StoreContext;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The HikariCP pool for the configured PostgreSQL URL and user, shared through the {@link StoreContext} by
 * every backend that talks to that database (store-postgres and vector-pgvector), and closed with the store; or the
 * application's own {@code DataSource} when it gave one, used as it is and never closed.
 */
public final class PostgresPool {
    private PostgresPool() {}

    /**
     * The shared pool, created on first use; the application's own {@code DataSource} when it gave one (never
     * closed by agentstore).
     *
     * @throws StoreUnavailableException if no connection can be made within the configured timeout
     */
    public static DataSource shared(StoreContext context) {
        PostgresSettings settings = PostgresSettings.of(context);
        if (settings.ownDataSource()) { // held in a record: the context closes what it holds, and this is not ours
            return context.shared("postgres.own-pool", OwnPool.class, () -> new OwnPool(checked(settings)))
                    .dataSource();
        }
        String key = "postgres.pool:" + settings.url() + "#" + (settings.user() == null ? "" : settings.user());
        return context.shared(
                key,
                HikariDataSource.class,
                () -> open(
                        settings,
                        config(
                                settings,
                                "agentstore-postgres",
                                settings.url(),
                                settings.user(),
                                settings.password(),
                                settings.poolSize(),
                                context.meterRegistry().orElse(null))));
    }

    /**
     * The pool of the optional ingest role ({@code postgres.ingest-user}), created on first use; null when none is
     * configured. The role bypasses row-level security and holds nothing but INSERT on the metrics tables, so
     * large metric batches can COPY straight into them.
     *
     * @throws StoreUnavailableException if no connection can be made within the configured timeout
     */
    public static HikariDataSource ingest(StoreContext context) {
        PostgresSettings settings = PostgresSettings.of(context);
        String user = settings.ingestUser();
        if (user == null) {
            return null;
        }
        String key = "postgres.ingest-pool:" + settings.url() + "#" + user;
        return context.shared(
                key,
                HikariDataSource.class,
                () -> open(
                        settings,
                        config(
                                settings,
                                "agentstore-postgres-ingest",
                                settings.url(),
                                user,
                                settings.ingestPassword(),
                                2,
                                context.meterRegistry().orElse(null))));
    }

    /**
     * A pool of {@code postgres.pool-size} connections to the read replica at {@code url}, as the runtime role. It
     * opens even when the replica is down (a replica never keeps the store from opening) and waits at most a second
     * for a connection, so a read that cannot have one soon goes to the primary instead.
     */
    static HikariDataSource replica(PostgresSettings settings, String url, int number, Object meterRegistry) {
        HikariConfig hikari = config(
                settings,
                "agentstore-postgres-replica-" + number,
                url,
                settings.user(),
                settings.password(),
                settings.poolSize(),
                meterRegistry);
        hikari.setInitializationFailTimeout(-1);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(Math.min(hikari.getConnectionTimeout(), 1_000));
        hikari.setValidationTimeout(Math.min(hikari.getValidationTimeout(), 1_000));
        return new HikariDataSource(hikari);
    }

    /** The application's pool, checked once. */
    private record OwnPool(DataSource dataSource) {}

    /**
     * The application's pool, once one of its connections showed auto-commit on: agentstore runs single statements
     * without a transaction of its own and opens its transactions itself, as JDBC's default connection state expects.
     */
    private static DataSource checked(PostgresSettings settings) {
        DataSource own = settings.dataSource();
        try (Connection connection = own.getConnection()) {
            if (!connection.getAutoCommit()) {
                throw new ConfigurationException("the application's DataSource hands out connections with auto-commit"
                        + " off; agentstore needs JDBC's default (on), as it opens and ends its own transactions");
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot connect to PostgreSQL through the application's DataSource", e);
        }
        return own;
    }

    /** Opens {@code hikari}'s pool, failing as unavailable when it cannot connect. */
    private static HikariDataSource open(PostgresSettings settings, HikariConfig hikari) {
        try {
            return new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreUnavailableException("cannot connect to PostgreSQL at " + settings.safeUrl(), e);
        }
    }

    /**
     * A pool configuration named {@code name}; with the application's Micrometer registry, HikariCP's own meters
     * ({@code hikaricp.connections.*}, tagged with the pool's name) are bound to it.
     */
    private static HikariConfig config(
            PostgresSettings settings,
            String name,
            String url,
            String user,
            Secret password,
            int size,
            Object meterRegistry) {
        TlsPolicy.check(settings);
        DriverLogging.confine(settings);
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(name);
        if (meterRegistry != null) {
            hikari.setMetricRegistry(meterRegistry); // HikariCP recognises a MeterRegistry itself
        }
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        if (password != null) {
            hikari.setPassword(password.reveal());
        }
        long timeoutMillis = Math.max(250, settings.timeout().toMillis());
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(Math.min(2, size));
        hikari.setConnectionTimeout(timeoutMillis);
        hikari.setValidationTimeout(Math.min(timeoutMillis, 5_000));
        hikari.setAutoCommit(true);
        if (settings.leakDetection() != null) {
            hikari.setLeakDetectionThreshold(settings.leakDetection().toMillis());
        }
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        hikari.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, timeoutMillis / 1000)));
        return hikari;
    }
}

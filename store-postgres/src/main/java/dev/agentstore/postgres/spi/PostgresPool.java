package dev.agentstore.postgres.spi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.agentstore.Secret;
import dev.agentstore.StoreConfig;
import dev.agentstore.StoreUnavailableException;
import dev.agentstore.spi.StoreContext;
import java.time.Duration;

/**
 * The HikariCP pool for the configured PostgreSQL URL and user, shared through the {@link StoreContext} by
 * every backend that talks to that database (store-postgres and vector-pgvector), and closed with the store.
 */
public final class PostgresPool {
    private PostgresPool() {}

    /**
     * The shared pool, created on first use.
     *
     * @throws StoreUnavailableException if no connection can be made within the configured timeout
     */
    public static HikariDataSource shared(StoreContext context) {
        StoreConfig config = context.config();
        String key = "postgres.pool:" + config.postgresUrl() + "#" + config.get("postgres.user", "");
        return context.shared(key, HikariDataSource.class, () -> create(config));
    }

    /**
     * The pool of the optional ingest role ({@code postgres.ingest-user}), created on first use; null when none is
     * configured. The role bypasses row-level security and holds nothing but INSERT on the metrics tables, so
     * large metric batches can COPY straight into them.
     *
     * @throws StoreUnavailableException if no connection can be made within the configured timeout
     */
    public static HikariDataSource ingest(StoreContext context) {
        StoreConfig config = context.config();
        String user = config.get("postgres.ingest-user");
        if (user == null) {
            return null;
        }
        String key = "postgres.ingest-pool:" + config.postgresUrl() + "#" + user;
        return context.shared(
                key,
                HikariDataSource.class,
                () -> create(config, "agentstore-postgres-ingest", user, config.secret("postgres.ingest-password"), 2));
    }

    private static HikariDataSource create(StoreConfig config) {
        return create(
                config,
                "agentstore-postgres",
                config.get("postgres.user"),
                config.secret("postgres.password"),
                Integer.parseInt(config.get("postgres.pool-size", "10")));
    }

    private static HikariDataSource create(StoreConfig config, String name, String user, Secret password, int size) {
        TlsPolicy.check(config);
        DriverLogging.confine(config);
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(name);
        hikari.setJdbcUrl(config.postgresUrl());
        hikari.setUsername(user);
        if (password != null) {
            hikari.setPassword(password.reveal());
        }
        long timeoutMillis = Math.max(250, config.timeout().toMillis());
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(Math.min(2, size));
        hikari.setConnectionTimeout(timeoutMillis);
        hikari.setValidationTimeout(Math.min(timeoutMillis, 5_000));
        hikari.setAutoCommit(true);
        String leakDetection = config.get("postgres.leak-detection");
        if (leakDetection != null) {
            hikari.setLeakDetectionThreshold(
                    Math.max(2_000, Duration.parse(leakDetection).toMillis()));
        }
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        hikari.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, timeoutMillis / 1000)));
        try {
            return new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreUnavailableException("cannot connect to PostgreSQL at " + safeUrl(config), e);
        }
    }

    /** The URL without credentials, for messages. */
    public static String safeUrl(StoreConfig config) {
        return StoreConfig.redact(config.postgresUrl());
    }
}

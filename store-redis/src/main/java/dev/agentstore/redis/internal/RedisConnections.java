package dev.agentstore.redis.internal;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.JedisURIHelper;
import redis.clients.jedis.util.Pool;

/**
 * One Jedis client ({@link RedisClient}, or {@link RedisClusterClient} for a cluster) with every connect, call
 * and pool wait bounded by the configured timeout. {@link #call} translates Jedis exceptions; after a lost
 * connection it drops the pool's idle connections, which died with it when the server went away, so the calls
 * after a restart get fresh ones rather than failing one dead socket at a time. Thread-safe.
 */
public final class RedisConnections implements AutoCloseable {
    private final UnifiedJedis client;
    private final Supplier<Collection<? extends Pool<Connection>>> pools;
    private final boolean owned;

    private RedisConnections(
            UnifiedJedis client, Supplier<Collection<? extends Pool<Connection>>> pools, boolean owned) {
        this.client = client;
        this.pools = pools;
        this.owned = owned;
    }

    /**
     * The application's own client, used as it is and never closed here. Its node pools are reached for
     * {@link #scan}, the pool gauges and clearing dead idle connections when it is a {@link RedisClient} or
     * {@link RedisClusterClient}; any other client scans through its own {@code SCAN} (one node) and reports no
     * pool.
     */
    public static RedisConnections of(UnifiedJedis client) {
        Supplier<Collection<? extends Pool<Connection>>> pools;
        if (client instanceof RedisClusterClient cluster) {
            pools = () -> cluster.getClusterNodes().values();
        } else if (client instanceof RedisClient standalone) {
            pools = () -> List.of(standalone.getPool());
        } else {
            pools = List::of;
        }
        return new RedisConnections(client, pools, false);
    }

    /** Connects lazily: nothing is opened until the first call (a cluster client reads the topology now). */
    public static RedisConnections open(RedisSettings settings) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(settings.poolSize());
        pool.setMaxIdle(settings.poolSize());
        pool.setMinIdle(0);
        pool.setMaxWait(settings.timeout());
        pool.setBlockWhenExhausted(true);
        pool.setJmxEnabled(false);
        URI first = settings.nodes().get(0);
        JedisClientConfig client = clientConfig(first, settings.timeoutMillis(), !settings.cluster());
        try {
            if (settings.cluster()) {
                Set<HostAndPort> seeds = new LinkedHashSet<>();
                settings.nodes().forEach(uri -> seeds.add(JedisURIHelper.getHostAndPort(uri)));
                RedisClusterClient cluster = RedisClusterClient.builder()
                        .nodes(seeds)
                        .clientConfig(client)
                        .poolConfig(pool)
                        .maxAttempts(3)
                        .maxTotalRetriesDuration(settings.timeout())
                        .build();
                return new RedisConnections(
                        cluster, () -> cluster.getClusterNodes().values(), true);
            }
            RedisClient standalone = RedisClient.builder()
                    .hostAndPort(JedisURIHelper.getHostAndPort(first))
                    .clientConfig(client)
                    .poolConfig(pool)
                    .build();
            return new RedisConnections(standalone, () -> List.of(standalone.getPool()), true);
        } catch (JedisException e) {
            throw RedisErrors.translate(e);
        }
    }

    /** Runs {@code command} on the client, translating failures. */
    public <T> T call(Function<UnifiedJedis, T> command) {
        try {
            return command.apply(client);
        } catch (JedisConnectionException e) {
            pools.get().forEach(Pool::clear);
            throw RedisErrors.translate(e);
        } catch (JedisException e) {
            throw RedisErrors.translate(e);
        }
    }

    /** Every key matching {@code pattern} on every node (SCAN, never KEYS). */
    public Set<String> scan(String pattern) {
        return call(ignored -> {
            Set<String> keys = new LinkedHashSet<>();
            ScanParams params = new ScanParams().match(pattern).count(1_000);
            Collection<? extends Pool<Connection>> nodes = pools.get();
            if (nodes.isEmpty()) { // an application's client of unknown shape: its own SCAN, one node
                String cursor = ScanParams.SCAN_POINTER_START;
                do {
                    ScanResult<String> page = client.scan(cursor, params);
                    keys.addAll(page.getResult());
                    cursor = page.getCursor();
                } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
                return keys;
            }
            for (Pool<Connection> pool : nodes) {
                try (Connection connection = pool.getResource()) {
                    Jedis node = new Jedis(connection);
                    String cursor = ScanParams.SCAN_POINTER_START;
                    do {
                        ScanResult<String> page = node.scan(cursor, params);
                        keys.addAll(page.getResult());
                        cursor = page.getCursor();
                    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
                }
            }
            return keys;
        });
    }

    /** Connections lent out now, over every node's pool. */
    public int active() {
        return pools.get().stream().mapToInt(Pool::getNumActive).sum();
    }

    /** Connections idle in the pools now. */
    public int idle() {
        return pools.get().stream().mapToInt(Pool::getNumIdle).sum();
    }

    /** Callers waiting for a connection now. */
    public int waiting() {
        return pools.get().stream().mapToInt(Pool::getNumWaiters).sum();
    }

    /** "up", or "down: " and why. */
    public String health() {
        try {
            call(UnifiedJedis::ping);
            return "up";
        } catch (RuntimeException e) {
            return "down: " + e.getMessage();
        }
    }

    /** Closes the client agentstore built; the application's own is left open. */
    @Override
    public void close() {
        if (owned) {
            client.close();
        }
    }

    private static JedisClientConfig clientConfig(URI uri, int timeoutMillis, boolean withDatabase) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .blockingSocketTimeoutMillis(timeoutMillis)
                .clientName("agentstore");
        if (JedisURIHelper.isRedisSSLScheme(uri)) {
            // TLS with the JVM's trust store and host name verification.
            config.sslOptions(SslOptions.defaults());
        }
        String user = JedisURIHelper.getUser(uri);
        String password = JedisURIHelper.getPassword(uri);
        if (user != null) {
            config.user(user);
        }
        if (password != null) {
            config.password(password);
        }
        if (withDatabase && JedisURIHelper.hasDbIndex(uri)) {
            config.database(JedisURIHelper.getDBIndex(uri));
        }
        return config.build();
    }
}

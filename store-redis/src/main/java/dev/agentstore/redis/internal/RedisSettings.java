package dev.agentstore.redis.internal;

import dev.agentstore.ConfigurationException;
import dev.agentstore.StoreConfig;
import dev.agentstore.spi.Setting;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The {@code redis.*} settings, checked: the node URLs ({@code redis://} or {@code rediss://} for TLS, with
 * optional user, password and database), whether they form a cluster, connections per node, and the timeout
 * every connect, call and pool wait is bounded by.
 *
 * @param nodes one URL, or a cluster's seed nodes
 * @param cluster whether to use Redis Cluster
 * @param poolSize connections per node
 * @param timeout the bound of every connect, call and wait for a pooled connection
 */
public record RedisSettings(List<URI> nodes, boolean cluster, int poolSize, Duration timeout) {
    /** {@code redis.url}. */
    public static final Setting<List<URI>> URL = Setting.of(
                    "redis.url",
                    "Redis URL(s)",
                    null,
                    "`redis://host:6379` or `rediss://user:password@host:6380/0`; comma-separated seeds for a cluster",
                    RedisSettings::parseNodes)
            .shownAs("unset: in memory")
            .masked();
    /** {@code redis.cluster}. */
    public static final Setting<Boolean> CLUSTER = Setting.flag("redis.cluster", false, "Redis Cluster");
    /** {@code redis.pool-size}. */
    public static final Setting<Integer> POOL_SIZE =
            Setting.integer("redis.pool-size", 16, 1, 9_999, "connections per Redis node");
    /** Every {@code redis.*} setting. */
    public static final List<Setting<?>> DECLARED = List.of(URL, CLUSTER, POOL_SIZE);

    /** Copies the nodes. */
    public RedisSettings {
        nodes = List.copyOf(nodes);
    }

    /**
     * Reads the settings.
     *
     * @throws ConfigurationException naming the key at fault (never printing a password)
     */
    public static RedisSettings from(StoreConfig config) {
        List<URI> nodes = URL.read(config);
        if (nodes == null) {
            throw new ConfigurationException("redis.url is not set");
        }
        boolean cluster = CLUSTER.read(config);
        if (!cluster && nodes.size() > 1) {
            throw new ConfigurationException("redis.url lists " + nodes.size()
                    + " nodes; set redis.cluster=true for a cluster, or give one URL");
        }
        return new RedisSettings(nodes, cluster, POOL_SIZE.read(config), config.timeout());
    }

    /** Whether {@code config} names a Redis URL. */
    public static boolean isConfigured(StoreConfig config) {
        return config.get(URL.name()) != null;
    }

    private static List<URI> parseNodes(String urls) {
        List<URI> nodes = new ArrayList<>();
        for (String url : urls.split(",")) {
            nodes.add(parse(url.strip()));
        }
        return List.copyOf(nodes);
    }

    /** The settings with the user-info of every node URL masked: it may hold a password. */
    @Override
    public String toString() {
        return "RedisSettings[nodes="
                + StoreConfig.redact(
                        nodes.stream().map(URI::toString).collect(java.util.stream.Collectors.joining(",")))
                + ", cluster=" + cluster + ", poolSize=" + poolSize + ", timeout=" + timeout + "]";
    }

    /** The timeout in whole milliseconds, at least 1. */
    public int timeoutMillis() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url);
            if (!JedisURIHelper.isValid(uri)) {
                throw invalid();
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid();
        }
    }

    private static IllegalArgumentException invalid() {
        // The URL may carry a password, so it is not repeated (the setting is masked).
        return new IllegalArgumentException(
                "must be redis://[user:password@]host:port[/db] or rediss://... (TLS), comma-separated"
                        + " for a cluster's seed nodes");
    }
}

package dev.agentstore.redis.internal;

import dev.agentstore.ConfigurationException;
import dev.agentstore.StoreConfig;
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
        String urls = config.redisUrl();
        if (urls == null) {
            throw new ConfigurationException("redis.url is not set");
        }
        List<URI> nodes = new ArrayList<>();
        for (String url : urls.split(",")) {
            nodes.add(parse(url.strip()));
        }
        String cluster = config.get("redis.cluster", "false"); // true or false, as StoreConfig checks
        if (cluster.equals("false") && nodes.size() > 1) {
            throw new ConfigurationException("redis.url lists " + nodes.size()
                    + " nodes; set redis.cluster=true for a cluster, or give one URL");
        }
        String poolSize = config.get("redis.pool-size", "16");
        if (!poolSize.matches("[1-9][0-9]{0,3}")) {
            throw new ConfigurationException("redis.pool-size must be 1 to 9999, but was '" + poolSize + "'");
        }
        return new RedisSettings(nodes, cluster.equals("true"), Integer.parseInt(poolSize), config.timeout());
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

    private static ConfigurationException invalid() {
        // The URL may carry a password, so it is not repeated.
        return new ConfigurationException(
                "redis.url must be redis://[user:password@]host:port[/db] or rediss://... (TLS), comma-separated"
                        + " for a cluster's seed nodes");
    }
}

package dev.agentstore.redis.internal;

import dev.agentstore.StoreConfig;
import dev.agentstore.cache.ResponseCache;
import dev.agentstore.spi.RecentMessagesCache;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.state.FeatureFlags;
import dev.agentstore.state.Presence;
import dev.agentstore.state.RateLimiter;
import dev.agentstore.state.SessionCache;
import java.time.Clock;
import java.time.Duration;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis backend: the fast-state services, the response cache and the recent-context cache of every tenant,
 * over one client per Redis URL shared through the {@link StoreContext}. Repositories are cheap views over it.
 */
public final class RedisBackend implements StoreBackend {
    private final RedisConnections redis;
    private final Clock clock;
    private final int contextCacheSize;
    private final Duration contextCacheTtl;

    /**
     * Connects, or shares the connections another provider opened for the same URL; with the application's own
     * {@code UnifiedJedis} ({@link StoreContext#resource}), runs on that instead and leaves it open at close.
     */
    public RedisBackend(StoreContext context) {
        StoreConfig config = context.config();
        UnifiedJedis own = context.resource(UnifiedJedis.class).orElse(null);
        this.redis = own != null
                ? context.shared("redis:own", RedisConnections.class, () -> metered(context, RedisConnections.of(own)))
                : context.shared(
                        "redis:" + config.get(RedisSettings.URL.name()),
                        RedisConnections.class,
                        () -> metered(context, RedisConnections.open(RedisSettings.from(config))));
        this.clock = context.clock();
        this.contextCacheSize = config.contextCacheSize();
        this.contextCacheTtl = config.contextCacheTtl();
    }

    private static RedisConnections metered(StoreContext context, RedisConnections connections) {
        context.meterRegistry().ifPresent(registry -> RedisPoolMeters.bind(registry, connections));
        return connections;
    }

    @Override
    public SessionCache sessions(String tenant) {
        return new RedisSessionCache(redis, new Keys(tenant), clock);
    }

    @Override
    public RateLimiter rateLimits(String tenant) {
        return new RedisRateLimiter(redis, new Keys(tenant), clock);
    }

    @Override
    public Presence presence(String tenant) {
        return new RedisPresence(redis, new Keys(tenant), clock);
    }

    @Override
    public FeatureFlags featureFlags(String tenant) {
        return new RedisFeatureFlags(redis, new Keys(tenant));
    }

    @Override
    public ResponseCache responseCache(String tenant) {
        return new RedisResponseCache(redis, new Keys(tenant), clock);
    }

    @Override
    public RecentMessagesCache recentMessages(String tenant) {
        return new RedisRecentMessagesCache(redis, new Keys(tenant), clock, contextCacheSize, contextCacheTtl);
    }

    @Override
    public String health() {
        return redis.health();
    }

    /** The shared connections are closed with the store's context. */
    @Override
    public void close() {}
}

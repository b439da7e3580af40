package dev.agentstore.redis;

import dev.agentstore.StoreConfig;
import dev.agentstore.redis.internal.RedisBackend;
import dev.agentstore.redis.internal.RedisSettings;
import dev.agentstore.spi.Capability;
import dev.agentstore.spi.Setting;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.spi.StoreProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis provider ({@code redis}): the session cache, rate limits, presence, feature flags, the response cache
 * and the recent-context cache in front of the conversations backend. Configured when {@code redis.url} is set;
 * a standalone server or, with {@code redis.cluster=true}, Redis Cluster. Found by {@link java.util.ServiceLoader}.
 */
public final class RedisStoreProvider implements StoreProvider {
    /** The provider id, {@code redis}. */
    public static final String ID = "redis";

    /** Creates the provider. */
    public RedisStoreProvider() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String artifact() {
        return "dev.agentstore:agentstore-store-redis";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(
                Capability.SESSIONS,
                Capability.RATE_LIMITS,
                Capability.PRESENCE,
                Capability.FEATURE_FLAGS,
                Capability.RESPONSE_CACHE,
                Capability.CONTEXT_CACHE);
    }

    /** The {@code redis.*} settings. */
    @Override
    public List<Setting<?>> settings() {
        return RedisSettings.DECLARED;
    }

    @Override
    public boolean isConfigured(StoreConfig config) {
        return RedisSettings.isConfigured(config);
    }

    /** Also when the application gave the store its own {@code UnifiedJedis}. */
    @Override
    public boolean isConfigured(StoreContext context) {
        return isConfigured(context.config())
                || context.resource(UnifiedJedis.class).isPresent();
    }

    @Override
    public StoreBackend open(StoreContext context) {
        return new RedisBackend(context);
    }
}

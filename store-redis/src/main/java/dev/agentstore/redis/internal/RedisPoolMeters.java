package dev.agentstore.redis.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * The Jedis pools' gauges on the application's Micrometer registry: {@code agentstore.redis.pool.active},
 * {@code .idle} and {@code .pending} (callers waiting for a connection), summed over a cluster's nodes. Loaded only
 * when the application passed a registry, so Micrometer stays optional.
 */
final class RedisPoolMeters {
    private RedisPoolMeters() {}

    /** Binds the gauges of {@code connections} to {@code registry}, a Micrometer {@link MeterRegistry}. */
    static void bind(Object registry, RedisConnections connections) {
        MeterRegistry meters = (MeterRegistry) registry;
        gauge(meters, "active", "connections lent out", connections, RedisConnections::active);
        gauge(meters, "idle", "connections idle in the pool", connections, RedisConnections::idle);
        gauge(meters, "pending", "callers waiting for a connection", connections, RedisConnections::waiting);
    }

    private static void gauge(
            MeterRegistry registry,
            String name,
            String description,
            RedisConnections connections,
            ToDoubleFunction<RedisConnections> value) {
        Gauge.builder("agentstore.redis.pool." + name, connections, value)
                .description("Jedis pool: " + description)
                .tag("pool", "agentstore-redis")
                .register(registry);
    }
}

package dev.agentstore.redis.internal;

import dev.agentstore.state.RateLimit;
import dev.agentstore.state.RateLimitDecision;
import dev.agentstore.state.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Sliding-window rate limits of one tenant: one script per check (see {@code rate_limit.lua}). */
final class RedisRateLimiter implements RateLimiter {
    private static final LuaScript SCRIPT = LuaScript.load("rate_limit");

    private final RedisConnections redis;
    private final Keys keys;
    private final Clock clock;

    RedisRateLimiter(RedisConnections redis, Keys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public RateLimitDecision tryAcquire(String key, RateLimit limit) {
        long now = clock.millis();
        String member = now + ":" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        List<?> reply = redis.call(r -> (List<?>) SCRIPT.run(
                r,
                List.of(keys.rateLimit(key)),
                List.of(
                        Long.toString(now),
                        Long.toString(limit.window().toMillis()),
                        Integer.toString(limit.permits()),
                        member)));
        return new RateLimitDecision(
                (Long) reply.get(0) == 1L, (Long) reply.get(1), Duration.ofMillis((Long) reply.get(2)));
    }

    @Override
    public void reset(String key) {
        redis.call(r -> r.del(keys.rateLimit(key)));
    }
}

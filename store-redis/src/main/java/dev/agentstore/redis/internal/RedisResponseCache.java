package dev.agentstore.redis.internal;

import dev.agentstore.cache.CacheKey;
import dev.agentstore.cache.CacheStats;
import dev.agentstore.cache.CachedResponse;
import dev.agentstore.cache.ResponseCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The response cache of one tenant in Redis (see {@code response_cache.lua}): a hash per entry with its TTL, an
 * expiry index and a set per model, all in the tenant's slot so each operation is one atomic script.
 */
final class RedisResponseCache implements ResponseCache {
    private static final LuaScript SCRIPT = LuaScript.load("response_cache");

    private final RedisConnections redis;
    private final Keys keys;
    private final Clock clock;

    RedisResponseCache(RedisConnections redis, Keys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public CachedResponse put(CacheKey key, String response, Duration ttl, Map<String, ?> metadata) {
        Instant now = Instant.ofEpochMilli(clock.millis());
        Instant expiresAt = now.plus(ttl);
        run(
                "put",
                List.of(keys.responseIndex(), keys.responseModel(key.model())),
                key.hash(),
                key.model(),
                response,
                Json.write(metadata),
                Long.toString(now.toEpochMilli()),
                Long.toString(expiresAt.toEpochMilli()),
                Long.toString(ttl.toMillis()));
        return new CachedResponse(key, response, (Map<String, Object>) metadata, now, expiresAt, 0);
    }

    @Override
    public Optional<CachedResponse> get(CacheKey key) {
        if (!(run("get", List.of(keys.responseIndex()), key.hash(), key.model()) instanceof List<?> fields)) {
            return Optional.empty();
        }
        return Optional.of(new CachedResponse(
                key,
                (String) fields.get(0),
                Json.map((String) fields.get(1)),
                Instant.ofEpochMilli(Long.parseLong((String) fields.get(2))),
                Instant.ofEpochMilli(Long.parseLong((String) fields.get(3))),
                Long.parseLong((String) fields.get(4))));
    }

    @Override
    public boolean invalidate(CacheKey key) {
        List<String> touched = List.of(keys.responseIndex(), keys.responseModel(key.model()));
        return (Long) run("invalidate", touched, key.hash(), key.model()) == 1L;
    }

    @Override
    public long invalidateModel(String model) {
        return (Long) run("model", List.of(keys.responseIndex(), keys.responseModel(model)), "", model);
    }

    @Override
    public long purgeExpired() {
        return (Long) run("purge", List.of(keys.responseIndex()));
    }

    @Override
    public CacheStats stats() {
        List<?> counts = (List<?>) run("stats", List.of(keys.responseIndex()));
        return new CacheStats((Long) counts.get(0), (Long) counts.get(1));
    }

    private Object run(String op, List<String> touched, String... more) {
        List<String> args = new ArrayList<>(3 + more.length);
        args.add(op);
        args.add(Long.toString(clock.millis()));
        args.add(keys.responseCache());
        args.addAll(List.of(more));
        return redis.call(r -> SCRIPT.run(r, touched, args));
    }
}

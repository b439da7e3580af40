package dev.agentstore.internal.validation;

import dev.agentstore.Limits;
import dev.agentstore.cache.CacheKey;
import dev.agentstore.cache.CacheStats;
import dev.agentstore.cache.CachedResponse;
import dev.agentstore.cache.ResponseCache;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Checks every argument before the backend sees it. */
public final class ValidatingResponseCache implements ResponseCache {
    private final ResponseCache backend;

    public ValidatingResponseCache(ResponseCache backend) {
        this.backend = backend;
    }

    @Override
    public CachedResponse put(CacheKey key, String response, Duration ttl, Map<String, ?> metadata) {
        Check.present("key", key);
        Check.text("response", response, Limits.MAX_TEXT_CHARS);
        Durations.check("ttl", ttl, Duration.ofSeconds(1), Duration.ofDays(365));
        return backend.put(key, response, ttl, Metadata.copyOf("metadata", metadata));
    }

    @Override
    public Optional<CachedResponse> get(CacheKey key) {
        return backend.get(Check.present("key", key));
    }

    @Override
    public boolean invalidate(CacheKey key) {
        return backend.invalidate(Check.present("key", key));
    }

    @Override
    public long invalidateModel(String model) {
        return backend.invalidateModel(Check.name("model", model));
    }

    @Override
    public long purgeExpired() {
        return backend.purgeExpired();
    }

    @Override
    public CacheStats stats() {
        return backend.stats();
    }
}

package dev.agentstore.internal.validation;

import dev.agentstore.Limits;
import dev.agentstore.cache.CacheKey;
import dev.agentstore.cache.CacheStats;
import dev.agentstore.cache.CachedResponse;
import dev.agentstore.cache.ResponseCache;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;
import dev.agentstore.internal.OpenGuard;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Checks every argument before the backend sees it. */
public final class ValidatingResponseCache implements ResponseCache {
    private final OpenGuard open;
    private final ResponseCache backend;

    public ValidatingResponseCache(OpenGuard open, ResponseCache backend) {
        this.open = open;
        this.backend = backend;
    }

    @Override
    public CachedResponse put(CacheKey key, String response, Duration ttl, Map<String, ?> metadata) {
        open.check();
        Check.present("key", key);
        Check.text("response", response, Limits.MAX_TEXT_CHARS);
        Durations.check("ttl", ttl, Duration.ofSeconds(1), Duration.ofDays(365));
        return backend.put(key, response, ttl, Metadata.copyOf("metadata", metadata));
    }

    @Override
    public Optional<CachedResponse> get(CacheKey key) {
        open.check();
        return backend.get(Check.present("key", key));
    }

    @Override
    public boolean invalidate(CacheKey key) {
        open.check();
        return backend.invalidate(Check.present("key", key));
    }

    @Override
    public long invalidateModel(String model) {
        open.check();
        return backend.invalidateModel(Check.name("model", model));
    }

    @Override
    public long purgeExpired() {
        open.check();
        return backend.purgeExpired();
    }

    @Override
    public CacheStats stats() {
        open.check();
        return backend.stats();
    }
}

package dev.agentstore.memory;

import dev.agentstore.cache.CacheKey;
import dev.agentstore.cache.CacheStats;
import dev.agentstore.cache.CachedResponse;
import dev.agentstore.cache.ResponseCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The response cache of one tenant in memory. */
final class InMemoryResponseCache implements ResponseCache {
    private final Clock clock;
    private final Map<CacheKey, CachedResponse> entries = new HashMap<>();

    InMemoryResponseCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized CachedResponse put(CacheKey key, String response, Duration ttl, Map<String, ?> metadata) {
        Instant now = clock.instant();
        CachedResponse entry = new CachedResponse(key, response, (Map<String, Object>) metadata, now, now.plus(ttl), 0);
        entries.put(key, entry);
        return entry;
    }

    @Override
    public synchronized Optional<CachedResponse> get(CacheKey key) {
        CachedResponse entry = live(key);
        if (entry == null) {
            return Optional.empty();
        }
        CachedResponse hit = new CachedResponse(
                entry.key(),
                entry.response(),
                entry.metadata(),
                entry.createdAt(),
                entry.expiresAt(),
                entry.hitCount() + 1);
        entries.put(key, hit);
        return Optional.of(hit);
    }

    @Override
    public synchronized boolean invalidate(CacheKey key) {
        boolean wasLive = live(key) != null;
        entries.remove(key);
        return wasLive;
    }

    @Override
    public synchronized long invalidateModel(String model) {
        int before = entries.size();
        entries.keySet().removeIf(k -> k.model().equals(model));
        return before - entries.size();
    }

    @Override
    public synchronized long purgeExpired() {
        Instant now = clock.instant();
        int before = entries.size();
        entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
        return before - entries.size();
    }

    @Override
    public synchronized CacheStats stats() {
        Instant now = clock.instant();
        return entries.values().stream()
                .filter(e -> now.isBefore(e.expiresAt()))
                .map(e -> new CacheStats(1, e.hitCount()))
                .reduce(
                        new CacheStats(0, 0),
                        (a, b) -> new CacheStats(a.entries() + b.entries(), a.totalHits() + b.totalHits()));
    }

    private CachedResponse live(CacheKey key) {
        CachedResponse entry = entries.get(key);
        return entry != null && clock.instant().isBefore(entry.expiresAt()) ? entry : null;
    }
}

package dev.agentstore.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Cached model responses of one tenant. Thread-safe. Expired entries are never served, whether or not
 * {@link #purgeExpired()} has run.
 */
public interface ResponseCache {

    /**
     * Stores a response under {@code key} for {@code ttl} (1 second to 365 days), replacing any entry with the
     * same key and resetting its hit count.
     */
    CachedResponse put(CacheKey key, String response, Duration ttl, Map<String, ?> metadata);

    /** The live entry for {@code key}, with its hit count incremented atomically. */
    Optional<CachedResponse> get(CacheKey key);

    /**
     * Removes one entry.
     *
     * @return whether a live entry was removed
     */
    boolean invalidate(CacheKey key);

    /**
     * Removes every entry of a model.
     *
     * @return how many were removed
     */
    long invalidateModel(String model);

    /**
     * Removes expired entries.
     *
     * @return how many were removed
     */
    long purgeExpired();

    /** Counts over live entries. */
    CacheStats stats();
}

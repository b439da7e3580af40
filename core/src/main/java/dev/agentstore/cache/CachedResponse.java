package dev.agentstore.cache;

import java.time.Instant;
import java.util.Map;

/**
 * A cached model response.
 *
 * @param key its key
 * @param response the response text
 * @param metadata free-form data (token counts, finish reason, ...), unmodifiable
 * @param createdAt when it was stored
 * @param expiresAt when it stops being served
 * @param hitCount how many times {@link ResponseCache#get} served it, this read included
 */
public record CachedResponse(
        CacheKey key,
        String response,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant expiresAt,
        long hitCount) {}

package dev.agentstore.usage;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.HalfOpen;
import java.time.Instant;
import java.util.UUID;

/**
 * Selects API calls: a half-open time range {@code [from, to)} and optional equality filters.
 *
 * @param from inclusive start
 * @param to exclusive end, after {@code from}
 * @param apiKeyId only calls with this key, or null
 * @param userId only calls for this user, or null
 * @param endpoint only calls to this endpoint, or null
 */
public record ApiUsageQuery(Instant from, Instant to, UUID apiKeyId, UUID userId, String endpoint) {
    /** Checks the range. */
    public ApiUsageQuery {
        Check.timeRange("query.from", from, "query.to", to);
        Check.optionalName("query.endpoint", endpoint);
    }

    /** Every call in {@code [from, to)}. */
    public static ApiUsageQuery between(Instant from, Instant to) {
        return new ApiUsageQuery(from, to, null, null, null);
    }

    /** These calls, made with one key. */
    public ApiUsageQuery forKey(UUID keyId) {
        return new ApiUsageQuery(from, to, Check.id("query.apiKeyId", keyId), userId, endpoint);
    }

    /** These calls, made for one user. */
    public ApiUsageQuery forUser(UUID user) {
        return new ApiUsageQuery(from, to, apiKeyId, Check.id("query.userId", user), endpoint);
    }

    /** These calls, to one endpoint. */
    public ApiUsageQuery forEndpoint(String name) {
        return new ApiUsageQuery(from, to, apiKeyId, userId, Check.name("query.endpoint", name));
    }

    /** Whether a call passes this query. */
    public boolean matches(ApiCall call) {
        return HalfOpen.contains(from, to, call.recordedAt())
                && (apiKeyId == null || apiKeyId.equals(call.apiKeyId()))
                && (userId == null || userId.equals(call.userId()))
                && (endpoint == null || endpoint.equals(call.endpoint()));
    }
}

package dev.agentstore.usage;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Limits;
import dev.agentstore.internal.Check;
import java.time.Instant;
import java.util.UUID;

/**
 * One served API call. Recording is idempotent on {@link #requestId()} and {@link #recordedAt()}, so a retried
 * write never counts twice.
 *
 * @param requestId unique per call (use {@link dev.agentstore.spi.Ids#newId()} if the app has none)
 * @param recordedAt when the call finished
 * @param apiKeyId the API key it was made with, or null
 * @param userId the user it was made for, or null; at least one of key and user is required
 * @param endpoint the endpoint, e.g. {@code /v1/chat}
 * @param method the HTTP method or operation name, e.g. {@code POST}
 * @param tokens tokens the call consumed, 0 if none
 * @param responseTimeMillis time to answer in milliseconds
 * @param statusCode the HTTP status code answered, 100 to 599
 */
public record ApiCall(
        UUID requestId,
        Instant recordedAt,
        UUID apiKeyId,
        UUID userId,
        String endpoint,
        String method,
        int tokens,
        long responseTimeMillis,
        int statusCode) {
    /** Checks every component. */
    public ApiCall {
        Check.id("call.requestId", requestId);
        Check.time("call.recordedAt", recordedAt);
        if (apiKeyId == null && userId == null) {
            throw new InvalidInputException("call.apiKeyId", "or call.userId is required, but both were null");
        }
        Check.name("call.endpoint", endpoint);
        Check.name("call.method", method);
        Check.range("call.tokens", tokens, 0, Limits.MAX_TOKENS);
        Check.range("call.responseTimeMillis", responseTimeMillis, 0, 86_400_000L);
        Check.range("call.statusCode", statusCode, 100, 599);
    }

    /** A call made with an API key. */
    public static ApiCall withKey(
            UUID requestId, Instant at, UUID apiKeyId, String endpoint, int statusCode, long responseTimeMillis) {
        return new ApiCall(
                requestId,
                at,
                Check.id("call.apiKeyId", apiKeyId),
                null,
                endpoint,
                "POST",
                0,
                responseTimeMillis,
                statusCode);
    }

    /** A call made for a user. */
    public static ApiCall forUser(
            UUID requestId, Instant at, UUID userId, String endpoint, int statusCode, long responseTimeMillis) {
        return new ApiCall(
                requestId,
                at,
                null,
                Check.id("call.userId", userId),
                endpoint,
                "POST",
                0,
                responseTimeMillis,
                statusCode);
    }

    /** This call with the tokens it consumed. */
    public ApiCall withTokens(int count) {
        return new ApiCall(
                requestId, recordedAt, apiKeyId, userId, endpoint, method, count, responseTimeMillis, statusCode);
    }

    /** This call with another method. */
    public ApiCall withMethod(String name) {
        return new ApiCall(
                requestId, recordedAt, apiKeyId, userId, endpoint, name, tokens, responseTimeMillis, statusCode);
    }

    /** This call made with a key for a user (both set). */
    public ApiCall withUser(UUID user) {
        return new ApiCall(
                requestId,
                recordedAt,
                apiKeyId,
                Check.id("call.userId", user),
                endpoint,
                method,
                tokens,
                responseTimeMillis,
                statusCode);
    }

    /** Whether the call failed: status 400 or above. */
    public boolean failed() {
        return statusCode >= 400;
    }
}

package dev.agentstore.usage;

import java.time.Instant;

/**
 * A subject's usage in the current window against its limit.
 *
 * @param limit the limit
 * @param windowStart when the current window began
 * @param resetsAt when it ends and counting starts again
 * @param requests calls recorded in the window
 * @param tokens tokens recorded in the window
 */
public record QuotaStatus(UsageLimit limit, Instant windowStart, Instant resetsAt, long requests, long tokens) {

    /** Whether the window's calls or tokens reached the limit: the app should refuse the next call. */
    public boolean exhausted() {
        return (limit.maxRequests() != null && requests >= limit.maxRequests())
                || (limit.maxTokens() != null && tokens >= limit.maxTokens());
    }

    /** Calls left in the window (never negative), or {@link Long#MAX_VALUE} without a call limit. */
    public long remainingRequests() {
        return limit.maxRequests() == null ? Long.MAX_VALUE : Math.max(0, limit.maxRequests() - requests);
    }

    /** Tokens left in the window (never negative), or {@link Long#MAX_VALUE} without a token limit. */
    public long remainingTokens() {
        return limit.maxTokens() == null ? Long.MAX_VALUE : Math.max(0, limit.maxTokens() - tokens);
    }
}

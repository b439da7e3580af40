package dev.agentstore.state;

/**
 * Sliding-window rate limits per key. Thread-safe and exact: with N concurrent callers and P permits, exactly
 * min(N, P) are allowed in a window.
 */
public interface RateLimiter {

    /** Counts one call against {@code key} if the limit allows it. Refused calls are not counted. */
    RateLimitDecision tryAcquire(String key, RateLimit limit);

    /** Forgets every call counted against {@code key}. */
    void reset(String key);
}

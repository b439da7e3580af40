package dev.agentstore.state;

import java.time.Duration;

/**
 * The answer of {@link RateLimiter#tryAcquire}.
 *
 * @param allowed whether the call may proceed (and was counted)
 * @param remaining how many more calls the window allows now
 * @param retryAfter zero when allowed; otherwise how long until a permit frees up
 */
public record RateLimitDecision(boolean allowed, long remaining, Duration retryAfter) {}

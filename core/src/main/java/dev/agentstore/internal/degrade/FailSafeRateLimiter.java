package dev.agentstore.internal.degrade;

import dev.agentstore.StoreUnavailableException;
import dev.agentstore.state.RateLimit;
import dev.agentstore.state.RateLimitDecision;
import dev.agentstore.state.RateLimiter;

/**
 * One tenant's rate limiter in its backend, answered by the store's {@link RateLimitFallback} while the backend
 * is unavailable. Other failures (invalid input, bugs) pass through.
 */
final class FailSafeRateLimiter implements RateLimiter {
    private final RateLimitFallback fallback;
    private final String tenant;
    private final RateLimiter primary;

    FailSafeRateLimiter(RateLimitFallback fallback, String tenant, RateLimiter primary) {
        this.fallback = fallback;
        this.tenant = tenant;
        this.primary = primary;
    }

    @Override
    public RateLimitDecision tryAcquire(String key, RateLimit limit) {
        if (fallback.usable()) {
            try {
                RateLimitDecision decision = primary.tryAcquire(key, limit);
                fallback.worked();
                return fallback.counted(decision);
            } catch (StoreUnavailableException e) {
                fallback.failed("check", e);
            }
        }
        return fallback.counted(fallback.fallback(tenant, key, limit));
    }

    /** Forgets the key in the JVM and in the backend; fails if the backend does. */
    @Override
    public void reset(String key) {
        fallback.resetLocally(tenant, key);
        try {
            primary.reset(key);
            fallback.worked();
        } catch (StoreUnavailableException e) {
            fallback.failed("reset", e);
            throw e;
        }
    }
}

package dev.agentstore.internal.validation;

import dev.agentstore.internal.Check;
import dev.agentstore.state.RateLimit;
import dev.agentstore.state.RateLimitDecision;
import dev.agentstore.state.RateLimiter;

/** Checks every argument before the backend sees it. */
public final class ValidatingRateLimiter implements RateLimiter {
    private final RateLimiter backend;

    public ValidatingRateLimiter(RateLimiter backend) {
        this.backend = backend;
    }

    @Override
    public RateLimitDecision tryAcquire(String key, RateLimit limit) {
        return backend.tryAcquire(Check.name("key", key), Check.present("limit", limit));
    }

    @Override
    public void reset(String key) {
        backend.reset(Check.name("key", key));
    }
}

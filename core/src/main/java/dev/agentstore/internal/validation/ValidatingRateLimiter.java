package dev.agentstore.internal.validation;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.OpenGuard;
import dev.agentstore.state.RateLimit;
import dev.agentstore.state.RateLimitDecision;
import dev.agentstore.state.RateLimiter;

/** Checks every argument before the backend sees it. */
public final class ValidatingRateLimiter implements RateLimiter {
    private final OpenGuard open;
    private final RateLimiter backend;

    public ValidatingRateLimiter(OpenGuard open, RateLimiter backend) {
        this.open = open;
        this.backend = backend;
    }

    @Override
    public RateLimitDecision tryAcquire(String key, RateLimit limit) {
        open.check();
        return backend.tryAcquire(Check.name("key", key), Check.present("limit", limit));
    }

    @Override
    public void reset(String key) {
        open.check();
        backend.reset(Check.name("key", key));
    }
}

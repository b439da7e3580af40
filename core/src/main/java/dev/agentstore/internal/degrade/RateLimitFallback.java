package dev.agentstore.internal.degrade;

import dev.agentstore.StoreUnavailableException;
import dev.agentstore.internal.observe.StoreMeters;
import dev.agentstore.spi.Capability;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.state.RateLimit;
import dev.agentstore.state.RateLimitDecision;
import dev.agentstore.state.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * What answers rate-limit checks while their backend is unavailable, for every tenant of one store: either an
 * in-JVM sliding-window limiter per tenant (fail open: each JVM enforces the limit on its own calls), or a
 * refusal (fail closed, {@code rate-limit.on-failure=deny}). After a failure the backend is left alone for a
 * second, so an outage costs one timeout per second rather than one per call; then the next call tries it again,
 * and once it answers it is used again.
 */
public final class RateLimitFallback {
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final StoreBackend local;
    private final boolean deny;
    private final DegradationLog log;
    private final StoreMeters meters;
    private final AtomicLong retryAt = new AtomicLong();
    private volatile boolean tripped;

    /**
     * @param local the in-memory backend whose limiters stand in, one per tenant
     * @param deny whether to refuse calls instead
     * @param meters where decisions and fallbacks are counted
     */
    public RateLimitFallback(StoreBackend local, boolean deny, Clock clock, StoreMeters meters) {
        this.local = local;
        this.deny = deny;
        this.meters = meters;
        this.log = new DegradationLog(
                LoggerFactory.getLogger(RateLimitFallback.class),
                "rate limiter",
                deny ? "refusing every call" : "limiting in this JVM only",
                clock);
    }

    /** {@code primary} (the tenant's limiter in its backend), falling back as configured while it fails. */
    public RateLimiter protect(String tenant, RateLimiter primary) {
        return new FailSafeRateLimiter(this, tenant, primary);
    }

    /** What answers for {@code tenant} while the backend is not used. */
    RateLimitDecision fallback(String tenant, String key, RateLimit limit) {
        meters.fallback(Capability.RATE_LIMITS);
        return deny ? refusal() : local.rateLimits(tenant).tryAcquire(key, limit);
    }

    /** Counts {@code decision}, whoever took it; answers it. */
    RateLimitDecision counted(RateLimitDecision decision) {
        meters.rateLimit(decision.allowed());
        return decision;
    }

    /** Forgets the in-JVM count of {@code key}. */
    void resetLocally(String tenant, String key) {
        local.rateLimits(tenant).reset(key);
    }

    boolean usable() {
        return !tripped || System.nanoTime() - retryAt.get() >= 0;
    }

    void worked() {
        if (tripped) {
            tripped = false;
            log.recovered();
        }
    }

    void failed(String operation, StoreUnavailableException e) {
        retryAt.set(System.nanoTime() + RETRY_NANOS);
        tripped = true;
        log.failed(operation, e);
    }

    private RateLimitDecision refusal() {
        long wait = Math.max(TimeUnit.MILLISECONDS.toNanos(1), retryAt.get() - System.nanoTime());
        return new RateLimitDecision(false, 0, Duration.ofMillis(TimeUnit.NANOSECONDS.toMillis(wait)));
    }
}

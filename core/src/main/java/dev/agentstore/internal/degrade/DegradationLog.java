package dev.agentstore.internal.degrade;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;

/**
 * Logs a service going degraded and coming back: a warning at most once a minute while calls fail (so an outage
 * does not flood the log) and one line when a call works again. Messages carry the exception's class and
 * message only, never the arguments of the call.
 */
public final class DegradationLog {
    private static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Logger log;
    private final String service;
    private final String fallback;
    private final Clock clock;
    private final AtomicBoolean degraded = new AtomicBoolean();
    private final AtomicReference<Instant> lastWarned = new AtomicReference<>(Instant.MIN);

    /**
     * @param service what degrades, e.g. "recent-context cache"
     * @param fallback what serves meanwhile, e.g. "serving conversations from their backend"
     */
    public DegradationLog(Logger log, String service, String fallback, Clock clock) {
        this.log = log;
        this.service = service;
        this.fallback = fallback;
        this.clock = clock;
    }

    /** Records a failed call of {@code operation}. */
    public void failed(String operation, RuntimeException e) {
        degraded.set(true);
        Instant now = clock.instant();
        Instant last = lastWarned.get();
        if (now.isAfter(last.plus(INTERVAL)) && lastWarned.compareAndSet(last, now)) {
            log.warn("{} {} failed; {} until it works: {}", service, operation, fallback, e.toString());
        }
    }

    /** Records a call that worked. */
    public void recovered() {
        if (degraded.compareAndSet(true, false)) {
            log.info("{} works again", service);
        }
    }
}

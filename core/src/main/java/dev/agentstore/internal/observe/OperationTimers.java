package dev.agentstore.internal.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code agentstore.operation} timers of one repository series (a capability served by a backend, and the tenant
 * when it is tagged), shared by every repository of that series, so a tenant view made per request finds its timers
 * registered. Each operation's timer of an outcome is registered on its first use and then found in a map, not in the
 * registry.
 */
final class OperationTimers {
    private static final Outcome[] OUTCOMES = Outcome.values();

    private final MeterRegistry registry;
    private final Tags tags;
    private final Map<Method, Timer[]> byMethod = new ConcurrentHashMap<>();

    OperationTimers(MeterRegistry registry, Tags tags) {
        this.registry = registry;
        this.tags = tags;
    }

    /** The timer of {@code method}'s calls that ended with {@code outcome}. */
    Timer timer(Method method, Outcome outcome) {
        Timer[] outcomes = byMethod.computeIfAbsent(method, m -> new Timer[OUTCOMES.length]);
        Timer timer = outcomes[outcome.ordinal()];
        if (timer == null) {
            timer = Timer.builder(MicrometerMeters.OPERATION)
                    .description("agentstore repository operations, by how they ended")
                    .tags(tags)
                    .tag("operation", method.getName())
                    .tag("outcome", outcome.tag())
                    .register(registry);
            outcomes[outcome.ordinal()] = timer; // a race registers twice: the registry answers the same timer
        }
        return timer;
    }
}

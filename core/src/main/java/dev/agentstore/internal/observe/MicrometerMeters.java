package dev.agentstore.internal.observe;

import dev.agentstore.spi.Capability;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link StoreMeters} on a Micrometer {@link MeterRegistry}. Only this package names Micrometer's types, and this
 * class is loaded only when the application passes a registry, so Micrometer stays an optional dependency.
 *
 * <p>Meters: the timer {@value #OPERATION} (tags {@code capability}, {@code operation}, {@code backend},
 * {@code outcome}, and {@code tenant} only when {@code meters.tag-tenant} is on), and the counters
 * {@value #CONTEXT_CACHE} ({@code result} hit or miss), {@value #RATE_LIMIT} ({@code decision} allowed or refused),
 * {@value #LOCKOUTS} and {@value #FALLBACKS} ({@code capability}).
 */
public final class MicrometerMeters implements StoreMeters {
    static final String OPERATION = "agentstore.operation";
    static final String CONTEXT_CACHE = "agentstore.context.cache";
    static final String RATE_LIMIT = "agentstore.rate.limit";
    static final String LOCKOUTS = "agentstore.security.lockouts";
    static final String FALLBACKS = "agentstore.degraded.fallbacks";

    private final MeterRegistry registry;
    private final boolean tagTenant;
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final Counter allowed;
    private final Counter refused;
    private final Counter lockouts;
    private final Map<Capability, Counter> fallbacks = new ConcurrentHashMap<>();
    private final Map<Series, OperationTimers> timers = new ConcurrentHashMap<>();

    /** The tags that make one series of operation timers: the tenant only when tagged. */
    private record Series(Capability capability, String backend, String tenant) {}

    private MicrometerMeters(MeterRegistry registry, boolean tagTenant) {
        this.registry = registry;
        this.tagTenant = tagTenant;
        String cacheReads = "reads of the newest messages, by whether the cache answered";
        this.cacheHits = counter(CONTEXT_CACHE, cacheReads, "result", "hit");
        this.cacheMisses = counter(CONTEXT_CACHE, cacheReads, "result", "miss");
        String checks = "rate-limit checks, by decision";
        this.allowed = counter(RATE_LIMIT, checks, "decision", "allowed");
        this.refused = counter(RATE_LIMIT, checks, "decision", "refused");
        this.lockouts = counter(LOCKOUTS, "accounts locked by failed logins or codes");
    }

    /**
     * Meters on {@code registry}, which must be a Micrometer {@link MeterRegistry} (typed {@code Object} so that
     * callers compile and load without Micrometer).
     *
     * @param tagTenant whether operation timers carry the tenant id
     */
    public static StoreMeters on(Object registry, boolean tagTenant) {
        return new MicrometerMeters((MeterRegistry) registry, tagTenant);
    }

    @Override
    public <T> T timed(Class<T> api, T repository, Capability capability, String backend, String tenant) {
        Series series = new Series(capability, backend, tagTenant ? tenant : null);
        TimedRepository handler = new TimedRepository(repository, timers.computeIfAbsent(series, this::timersOf));
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
    }

    private OperationTimers timersOf(Series series) {
        Tags tags = Tags.of("capability", tag(series.capability()), "backend", series.backend());
        return new OperationTimers(registry, series.tenant() == null ? tags : tags.and("tenant", series.tenant()));
    }

    @Override
    public void contextCache(boolean hit) {
        (hit ? cacheHits : cacheMisses).increment();
    }

    @Override
    public void rateLimit(boolean allowed) {
        (allowed ? this.allowed : refused).increment();
    }

    @Override
    public void lockout() {
        lockouts.increment();
    }

    @Override
    public void fallback(Capability capability) {
        fallbacks
                .computeIfAbsent(
                        capability,
                        c -> counter(
                                FALLBACKS,
                                "calls answered by a stand-in while their backend was unavailable",
                                "capability",
                                tag(c)))
                .increment();
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    /** A capability as a tag value: {@code conversations}, {@code rate_limits}, ... */
    static String tag(Capability capability) {
        return capability.name().toLowerCase(Locale.ROOT);
    }
}

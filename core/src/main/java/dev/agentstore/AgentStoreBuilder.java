package dev.agentstore;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.StoreRuntime;
import dev.agentstore.spi.StoreProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens an {@link AgentStore} with what a configuration of strings cannot carry: the clock, providers built in
 * code, and the application's Micrometer registry.
 *
 * <pre>{@code
 * AgentStore store = AgentStore.builder(StoreConfig.fromEnvironment())
 *         .meterRegistry(meterRegistry)
 *         .open();
 * }</pre>
 *
 * <p>Not thread-safe; each {@link #open()} opens a new store.
 */
public final class AgentStoreBuilder {
    private final StoreConfig config;
    private final List<StoreProvider> providers = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Object meterRegistry;

    AgentStoreBuilder(StoreConfig config) {
        this.config = Check.present("config", config);
    }

    /** The clock for every timestamp (tests use a controllable one); the system's UTC clock by default. */
    public AgentStoreBuilder clock(Clock clock) {
        this.clock = Check.present("clock", clock);
        return this;
    }

    /**
     * A provider considered before those {@link java.util.ServiceLoader} finds, for a backend built in code.
     *
     * @throws InvalidInputException if {@code provider} is null
     */
    public AgentStoreBuilder provider(StoreProvider provider) {
        providers.add(Check.present("provider", provider));
        return this;
    }

    /**
     * The registry the store reports to: a timer {@code agentstore.operation} per repository operation (tags
     * {@code capability}, {@code operation}, {@code backend}, {@code outcome}; the tenant only with
     * {@code meters.tag-tenant}), the counters {@code agentstore.context.cache}, {@code agentstore.rate.limit},
     * {@code agentstore.security.lockouts} and {@code agentstore.degraded.fallbacks}, and the backends' pool meters
     * (HikariCP's own {@code hikaricp.*}, {@code agentstore.redis.pool.*}). Without one the store records nothing and
     * Micrometer need not be on the class path.
     */
    public AgentStoreBuilder meterRegistry(MeterRegistry registry) {
        this.meterRegistry = Check.present("registry", registry);
        return this;
    }

    /**
     * Opens the store as {@link AgentStore#open(StoreConfig)} does.
     *
     * @throws ConfigurationException if the configuration is invalid or ambiguous
     * @throws StoreUnavailableException if a configured backend cannot be reached
     */
    public AgentStore open() {
        return AgentStore.opened(StoreRuntime.open(config, clock, List.copyOf(providers), meterRegistry), config);
    }
}

package dev.agentstore;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.StoreRuntime;
import dev.agentstore.spi.StoreProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

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
    private final Map<Class<?>, Object> resources = new LinkedHashMap<>();

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
     * The application's own connection pool for PostgreSQL: store-postgres and vector-pgvector run every runtime
     * statement on it (and serve even without {@code postgres.url}) instead of building a HikariCP pool. agentstore
     * never closes it, sizes it or sets its session state beyond each transaction: the tenant and index settings are
     * set with {@code set_config(..., true)} per transaction, as behind PgBouncer. At open it still checks that the
     * pool's role cannot bypass row-level security. Migrations and partition or collection DDL run on it too, unless
     * {@code postgres.migration-user} is set, which then needs {@code postgres.url} to connect as that role; the
     * optional ingest role ({@code postgres.ingest-user}) needs {@code postgres.url} as well.
     *
     * @throws InvalidInputException if {@code dataSource} is null
     */
    public AgentStoreBuilder dataSource(DataSource dataSource) {
        return resource(DataSource.class, dataSource);
    }

    /**
     * An object the application built and keeps owning that a provider can use instead of building its own, by the
     * type the provider asks for: {@code DataSource} (see {@link #dataSource}) or Jedis's {@code UnifiedJedis} for
     * store-redis (which then serves even without {@code redis.url}, runs every command on it and never closes
     * it). A later resource of the same type replaces an earlier one.
     *
     * @throws InvalidInputException if {@code type} or {@code resource} is null
     */
    public <T> AgentStoreBuilder resource(Class<T> type, T resource) {
        resources.put(Check.present("type", type), Check.present("resource", resource));
        return this;
    }

    /**
     * Opens the store as {@link AgentStore#open(StoreConfig)} does.
     *
     * @throws ConfigurationException if the configuration is invalid or ambiguous
     * @throws StoreUnavailableException if a configured backend cannot be reached
     */
    public AgentStore open() {
        return AgentStore.opened(
                StoreRuntime.open(config, clock, List.copyOf(providers), meterRegistry, Map.copyOf(resources)), config);
    }
}

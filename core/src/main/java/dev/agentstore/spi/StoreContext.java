package dev.agentstore.spi;

import dev.agentstore.StoreConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a provider gets when it opens: the configuration, the clock every timestamp comes from, the application's
 * meter registry if it gave one, and a place to share resources with other providers (one connection pool per PostgreSQL URL, one client per Redis
 * URL). Shared resources that are {@link AutoCloseable} are closed when the store closes, after every
 * backend, in reverse order of creation.
 */
public final class StoreContext implements AutoCloseable {
    private final StoreConfig config;
    private final Clock clock;
    private final Object meterRegistry;
    private final Map<Class<?>, Object> resources;
    private final Map<String, Object> shared = new ConcurrentHashMap<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    /** Creates a context without a meter registry. */
    public StoreContext(StoreConfig config, Clock clock) {
        this(config, clock, null);
    }

    /**
     * Creates a context.
     *
     * @param meterRegistry the application's Micrometer {@code MeterRegistry}, or null
     */
    public StoreContext(StoreConfig config, Clock clock, Object meterRegistry) {
        this(config, clock, meterRegistry, Map.of());
    }

    /**
     * Creates a context with resources the application owns.
     *
     * @param meterRegistry the application's Micrometer {@code MeterRegistry}, or null
     * @param resources objects the application built and keeps owning (a {@code javax.sql.DataSource}, a Jedis
     *     {@code UnifiedJedis}), by the type a provider asks for; backends use them and never close them
     */
    public StoreContext(StoreConfig config, Clock clock, Object meterRegistry, Map<Class<?>, Object> resources) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.meterRegistry = meterRegistry;
        this.resources = Map.copyOf(resources);
    }

    /** The store's configuration. */
    public StoreConfig config() {
        return config;
    }

    /** The clock for every timestamp a backend writes or compares (injectable in tests). */
    public Clock clock() {
        return clock;
    }

    /**
     * The application's Micrometer {@code MeterRegistry}, typed {@code Object} so that a provider without Micrometer on
     * its class path compiles and loads: a backend binds its pool's meters to it (HikariCP takes it as it is).
     */
    public Optional<Object> meterRegistry() {
        return Optional.ofNullable(meterRegistry);
    }

    /**
     * The application's own resource of {@code type} (given to {@link dev.agentstore.AgentStoreBuilder#resource}),
     * which a backend uses instead of building its own and must not close.
     */
    public <T> Optional<T> resource(Class<T> type) {
        return Optional.ofNullable(resources.get(type)).map(type::cast);
    }

    /**
     * The resource shared under {@code key}, created by {@code factory} on first use.
     *
     * @throws ClassCastException if another provider stored a different type under the key
     */
    public <T> T shared(String key, Class<T> type, Supplier<? extends T> factory) {
        Object value = shared.computeIfAbsent(key, k -> {
            T created = factory.get();
            if (created instanceof AutoCloseable closeable) {
                synchronized (closeables) {
                    closeables.add(closeable);
                }
            }
            return created;
        });
        return type.cast(value);
    }

    /** Closes shared resources, newest first; keeps going past failures and rethrows the first. */
    @Override
    public void close() {
        RuntimeException first = null;
        synchronized (closeables) {
            for (int i = closeables.size() - 1; i >= 0; i--) {
                try {
                    closeables.get(i).close();
                } catch (Exception e) {
                    if (first == null) {
                        first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                    }
                }
            }
            closeables.clear();
        }
        if (first != null) {
            throw first;
        }
    }
}

package dev.agentstore.internal;

import dev.agentstore.Consistency;
import dev.agentstore.StoreConfig;
import dev.agentstore.internal.crypto.PasswordHasher;
import dev.agentstore.internal.crypto.SecretCipher;
import dev.agentstore.internal.degrade.RateLimitFallback;
import dev.agentstore.internal.observe.MicrometerMeters;
import dev.agentstore.internal.observe.StoreMeters;
import dev.agentstore.internal.retrieval.RetrievalCounts;
import dev.agentstore.memory.MemoryStoreProvider;
import dev.agentstore.security.PasswordPolicy;
import dev.agentstore.spi.Capability;
import dev.agentstore.spi.CoreSettings;
import dev.agentstore.spi.SettingCatalog;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.spi.StoreProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open backends of one store, which capability each serves, what the security rules need, and the meters the
 * store reports to.
 */
public final class StoreRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreRuntime.class);

    private final StoreContext context;
    private final Map<String, StoreBackend> backendsById;
    private final Map<Capability, StoreBackend> backends;
    private final Map<Capability, String> providerIds;
    private final StoreMeters meters;
    private final SecretCipher cipher;
    private final PasswordHasher hasher = PasswordHasher.owaspMinimum();
    private final PasswordPolicy passwordPolicy;
    private final WriteLimits writeLimits;
    private final OpenGuard guard = new OpenGuard();
    private final RateLimitFallback rateLimitFallback;
    private final RetrievalCounts retrievalCounts;

    private StoreRuntime(
            StoreContext context,
            Map<String, StoreBackend> byId,
            Map<Capability, StoreBackend> backends,
            Map<Capability, String> providerIds,
            StoreMeters meters,
            SecretCipher cipher,
            PasswordPolicy passwordPolicy,
            WriteLimits writeLimits) {
        this.context = context;
        this.backendsById = byId;
        this.backends = backends;
        this.providerIds = providerIds;
        this.meters = meters;
        this.cipher = cipher;
        this.passwordPolicy = passwordPolicy;
        this.writeLimits = writeLimits;
        this.rateLimitFallback = new RateLimitFallback(
                new MemoryStoreProvider().open(context),
                context.config().rateLimitsDenyOnFailure(),
                context.clock(),
                meters);
        this.retrievalCounts =
                new RetrievalCounts(CoreSettings.RETRIEVAL_STATS_INTERVAL.read(context.config()), context.clock());
    }

    /**
     * Selects a provider for each capability and opens each chosen provider once.
     *
     * @param meterRegistry the application's Micrometer {@code MeterRegistry}, or null for no meters
     */
    public static StoreRuntime open(StoreConfig config, Clock clock, List<StoreProvider> extra, Object meterRegistry) {
        return open(config, clock, extra, meterRegistry, Map.of());
    }

    /**
     * Selects a provider for each capability and opens each chosen provider once.
     *
     * @param meterRegistry the application's Micrometer {@code MeterRegistry}, or null for no meters
     * @param resources the application's own clients (a {@code DataSource}, a Redis client) by type, which the
     *     backends use and never close
     */
    public static StoreRuntime open(
            StoreConfig config,
            Clock clock,
            List<StoreProvider> extra,
            Object meterRegistry,
            Map<Class<?>, Object> resources) {
        List<StoreProvider> providers = new ArrayList<>(extra);
        providers.addAll(ProviderDiscovery.discover(StoreRuntime.class.getClassLoader()));
        StoreProvider memory = providers.stream()
                .filter(p -> p instanceof MemoryStoreProvider)
                .findFirst()
                .orElseGet(MemoryStoreProvider::new);
        // Every key must be declared by core or a provider found, and every value must follow its declaration.
        SettingCatalog.of(providers).check(config);
        StoreContext context = new StoreContext(config, clock, meterRegistry, resources);
        Map<Capability, StoreProvider> chosen = ProviderSelection.select(context, providers, memory);
        // Every setting core reads is checked before anything opens, so a bad one leaves nothing to close.
        PasswordPolicy passwordPolicy = config.passwordPolicy();
        WriteLimits writeLimits = WriteLimits.of(config, clock);
        boolean durableSecurity = chosen.get(Capability.SECURITY) != memory;
        SecretCipher cipher = SecretCipher.fromConfig(config, !durableSecurity);
        StoreMeters meters = meterRegistry == null
                ? StoreMeters.NONE
                : MicrometerMeters.on(meterRegistry, CoreSettings.METERS_TAG_TENANT.read(config));
        Map<String, StoreBackend> byId = new LinkedHashMap<>();
        Map<Capability, StoreBackend> backends = new EnumMap<>(Capability.class);
        try {
            chosen.forEach((capability, provider) ->
                    backends.put(capability, byId.computeIfAbsent(provider.id(), id -> provider.open(context))));
        } catch (RuntimeException e) {
            byId.values().forEach(StoreBackend::close);
            context.close();
            throw e;
        }
        List<String> inMemory = chosen.entrySet().stream()
                .filter(e -> e.getValue() == memory)
                .map(e -> e.getKey().name())
                .toList();
        if (!inMemory.isEmpty()) {
            LOG.info(
                    "agentstore serves {} from memory (nothing persists); configure a backend to change that",
                    inMemory);
        }
        Map<Capability, String> providerIds = new EnumMap<>(Capability.class);
        chosen.forEach((capability, provider) -> providerIds.put(capability, provider.id()));
        StoreRuntime runtime =
                new StoreRuntime(context, byId, backends, providerIds, meters, cipher, passwordPolicy, writeLimits);
        if (config.migrateOnOpen()) {
            try {
                runtime.migrate();
            } catch (RuntimeException e) {
                runtime.close();
                throw e;
            }
        }
        return runtime;
    }

    public StoreBackend backend(Capability capability) {
        return backends.get(capability);
    }

    /**
     * The backend serving {@code capability} with its reads answered as {@code consistency} says (its {@link
     * StoreBackend#withConsistency} view); null when nothing serves it.
     */
    public StoreBackend backend(Capability capability, Consistency consistency) {
        StoreBackend backend = backends.get(capability);
        return backend == null || consistency == Consistency.DEFAULT ? backend : backend.withConsistency(consistency);
    }

    /** The id of the provider serving {@code capability} ({@code memory}, {@code postgres}, ...). */
    public String providerId(Capability capability) {
        return providerIds.get(capability);
    }

    /** What the store reports about itself; {@link StoreMeters#NONE} without a meter registry. */
    public StoreMeters meters() {
        return meters;
    }

    public StoreContext context() {
        return context;
    }

    public SecretCipher cipher() {
        return cipher;
    }

    /** What answers rate-limit checks while their backend is unavailable. */
    public RateLimitFallback rateLimitFallback() {
        return rateLimitFallback;
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    public PasswordPolicy passwordPolicy() {
        return passwordPolicy;
    }

    /** What one write may carry: the window of supplied times and the bytes per call. */
    public WriteLimits writeLimits() {
        return writeLimits;
    }

    /** Whether this runtime is still open; every repository handed out checks it on each call. */
    public OpenGuard guard() {
        return guard;
    }

    public void migrate() {
        backendsById.values().forEach(StoreBackend::migrate);
    }

    public Map<String, String> health() {
        Map<String, String> health = new LinkedHashMap<>();
        backendsById.forEach((id, backend) -> health.put(id, backend.health()));
        return health;
    }

    /** Every backend's {@link StoreBackend#healthDetails()}, each name prefixed with the provider id and a dot. */
    public Map<String, String> healthDetails() {
        Map<String, String> details = new LinkedHashMap<>();
        backendsById.forEach(
                (id, backend) -> backend.healthDetails().forEach((name, line) -> details.put(id + "." + name, line)));
        return details;
    }

    /** The store-wide buffer of search matches, written to the vector backend in batches. */
    public RetrievalCounts retrievalCounts() {
        return retrievalCounts;
    }

    @Override
    public void close() {
        if (!guard.close()) {
            return;
        }
        try {
            retrievalCounts.close(); // before the backends it writes through
            backendsById.values().forEach(StoreBackend::close);
        } finally {
            context.close();
        }
    }
}

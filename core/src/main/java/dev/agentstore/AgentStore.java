package dev.agentstore;

import dev.agentstore.agent.AgentRepository;
import dev.agentstore.audit.AuditActions;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.cache.ResponseCache;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.errorlog.ErrorLogRepository;
import dev.agentstore.feedback.FeedbackRepository;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.SdkAudit;
import dev.agentstore.internal.StoreRuntime;
import dev.agentstore.internal.context.CachedConversationRepository;
import dev.agentstore.internal.security.PolicySecurityRepository;
import dev.agentstore.internal.validation.ValidatingAgentRepository;
import dev.agentstore.internal.validation.ValidatingApiUsageRepository;
import dev.agentstore.internal.validation.ValidatingAuditLog;
import dev.agentstore.internal.validation.ValidatingConversationRepository;
import dev.agentstore.internal.validation.ValidatingErrorLogRepository;
import dev.agentstore.internal.validation.ValidatingFeatureFlags;
import dev.agentstore.internal.validation.ValidatingFeedbackRepository;
import dev.agentstore.internal.validation.ValidatingMetricsRepository;
import dev.agentstore.internal.validation.ValidatingModelRepository;
import dev.agentstore.internal.validation.ValidatingPresence;
import dev.agentstore.internal.validation.ValidatingRateLimiter;
import dev.agentstore.internal.validation.ValidatingResponseCache;
import dev.agentstore.internal.validation.ValidatingRunRepository;
import dev.agentstore.internal.validation.ValidatingSessionCache;
import dev.agentstore.internal.validation.ValidatingVectorRepository;
import dev.agentstore.metrics.MetricsRepository;
import dev.agentstore.metrics.MetricsRetention;
import dev.agentstore.model.ModelRepository;
import dev.agentstore.run.RunRepository;
import dev.agentstore.security.SecurityRepository;
import dev.agentstore.spi.Capability;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreProvider;
import dev.agentstore.state.FeatureFlags;
import dev.agentstore.state.Presence;
import dev.agentstore.state.RateLimiter;
import dev.agentstore.state.SessionCache;
import dev.agentstore.usage.ApiUsageRepository;
import dev.agentstore.vector.VectorRepository;
import java.time.Clock;
import java.util.List;

/**
 * The entry point: typed repositories for conversations, models, metrics, security, vectors, the response
 * cache and fast state, over whichever backends are on the class path and configured.
 *
 * <pre>{@code
 * try (AgentStore store = AgentStore.inMemory()) {
 *     User user = store.conversations().upsertUser(NewUser.of("web", "alice"));
 *     Conversation chat = store.conversations().createConversation(NewConversation.forUser(user.id()));
 *     store.conversations().append(chat.id(), NewMessage.system("You are helpful.", 5));
 *     store.conversations().append(chat.id(), NewMessage.user("Hello!", 2));
 *     ContextWindow window = store.conversations().contextWindow(chat.id(), 4_000);
 * }
 * }</pre>
 *
 * <p>Every repository is scoped to one tenant: the configured default tenant here, another one through
 * {@link #forTenant(String)}. A store is thread-safe; open one per application and share it. Closing the store
 * returned by {@link #open} or {@link #inMemory} releases every backend; closing a tenant view does nothing.
 */
public final class AgentStore implements AutoCloseable {
    private final StoreRuntime runtime;
    private final String tenant;
    private final boolean owner;
    private final ConversationRepository conversations;
    private final ModelRepository models;
    private final RunRepository runs;
    private final FeedbackRepository feedback;
    private final AgentRepository agents;
    private final MetricsRepository metrics;
    private final SecurityRepository security;
    private final VectorRepository vectors;
    private final ResponseCache responseCache;
    private final SessionCache sessions;
    private final RateLimiter rateLimits;
    private final Presence presence;
    private final FeatureFlags featureFlags;
    private final ApiUsageRepository apiUsage;
    private final ErrorLogRepository errorLog;
    private final AuditLog auditLog;

    private AgentStore(StoreRuntime runtime, String tenant, boolean owner) {
        this.runtime = runtime;
        this.tenant = tenant;
        this.owner = owner;
        this.auditLog = runtime.guarded(
                AuditLog.class,
                new ValidatingAuditLog(runtime.backend(Capability.AUDIT_LOG).auditLog(tenant)));
        SdkAudit sdkAudit = new SdkAudit(auditLog);
        this.conversations = runtime.guarded(
                ConversationRepository.class,
                new ValidatingConversationRepository(
                        conversationsOf(runtime, tenant),
                        user -> sdkAudit.record(null, AuditActions.USER_ERASED, AuditActions.USER, user)));
        this.apiUsage = runtime.guarded(
                ApiUsageRepository.class,
                new ValidatingApiUsageRepository(
                        runtime.backend(Capability.API_USAGE).apiUsage(tenant)));
        this.errorLog = runtime.guarded(
                ErrorLogRepository.class,
                new ValidatingErrorLogRepository(
                        runtime.backend(Capability.ERROR_LOG).errorLog(tenant)));
        this.runs = runtime.guarded(
                RunRepository.class,
                new ValidatingRunRepository(runtime.backend(Capability.RUNS).runs(tenant)));
        this.feedback = runtime.guarded(
                FeedbackRepository.class,
                new ValidatingFeedbackRepository(
                        runtime.backend(Capability.FEEDBACK).feedback(tenant)));
        this.agents = runtime.guarded(
                AgentRepository.class,
                new ValidatingAgentRepository(runtime.backend(Capability.AGENTS).agents(tenant)));
        this.models = runtime.guarded(
                ModelRepository.class,
                new ValidatingModelRepository(runtime.backend(Capability.MODELS).models(tenant)));
        this.metrics = runtime.guarded(
                MetricsRepository.class,
                new ValidatingMetricsRepository(
                        runtime.backend(Capability.METRICS).metrics(tenant)));
        this.security = runtime.guarded(
                SecurityRepository.class,
                new PolicySecurityRepository(
                        tenant,
                        runtime.backend(Capability.SECURITY).security(tenant),
                        runtime.passwordPolicy(),
                        runtime.hasher(),
                        runtime.cipher(),
                        runtime.context().clock(),
                        auditLog));
        this.vectors = runtime.guarded(
                VectorRepository.class,
                new ValidatingVectorRepository(
                        runtime.backend(Capability.VECTORS).vectors(tenant)));
        this.responseCache = runtime.guarded(
                ResponseCache.class,
                new ValidatingResponseCache(
                        runtime.backend(Capability.RESPONSE_CACHE).responseCache(tenant)));
        this.sessions = runtime.guarded(
                SessionCache.class,
                new ValidatingSessionCache(runtime.backend(Capability.SESSIONS).sessions(tenant)));
        this.rateLimits = runtime.guarded(
                RateLimiter.class,
                new ValidatingRateLimiter(runtime.rateLimitFallback()
                        .protect(tenant, runtime.backend(Capability.RATE_LIMITS).rateLimits(tenant))));
        this.presence = runtime.guarded(
                Presence.class,
                new ValidatingPresence(runtime.backend(Capability.PRESENCE).presence(tenant)));
        this.featureFlags = runtime.guarded(
                FeatureFlags.class,
                new ValidatingFeatureFlags(
                        runtime.backend(Capability.FEATURE_FLAGS).featureFlags(tenant)));
    }

    /** The tenant's conversations backend, behind the recent-context cache when a provider serves one. */
    private static ConversationRepository conversationsOf(StoreRuntime runtime, String tenant) {
        ConversationRepository source =
                runtime.backend(Capability.CONVERSATIONS).conversations(tenant);
        StoreBackend cacheBackend = runtime.backend(Capability.CONTEXT_CACHE);
        return cacheBackend == null
                ? source
                : new CachedConversationRepository(
                        source,
                        cacheBackend.recentMessages(tenant),
                        runtime.context().clock());
    }

    /**
     * Opens a store: finds providers with {@link java.util.ServiceLoader}, routes each capability to one of
     * them (the memory backend serves what nothing else is configured for), and migrates if configured to.
     *
     * @throws ConfigurationException if the configuration is invalid or ambiguous
     * @throws StoreUnavailableException if a configured backend cannot be reached
     */
    public static AgentStore open(StoreConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** As {@link #open(StoreConfig)}, with a clock for every timestamp (tests use a controllable one). */
    public static AgentStore open(StoreConfig config, Clock clock, StoreProvider... extraProviders) {
        Check.present("config", config);
        Check.present("clock", clock);
        StoreRuntime runtime = StoreRuntime.open(config, clock, List.of(extraProviders));
        return new AgentStore(runtime, config.defaultTenant(), true);
    }

    /** A store that keeps everything in memory: no setup, nothing persists. */
    public static AgentStore inMemory() {
        return open(StoreConfig.defaults());
    }

    /** An in-memory store with a controllable clock. */
    public static AgentStore inMemory(Clock clock) {
        return open(StoreConfig.defaults(), clock);
    }

    /**
     * The same store scoped to {@code tenantId}: nothing of another tenant is visible or changeable through it.
     *
     * @param tenantId 1 to 128 letters, digits, {@code . _ : @ -}, starting with a letter or digit
     * @throws InvalidInputException if the id breaks that rule
     */
    public AgentStore forTenant(String tenantId) {
        Check.tenantId("tenantId", tenantId);
        return tenantId.equals(tenant) ? this : new AgentStore(runtime, tenantId, false);
    }

    /** The tenant this view is scoped to. */
    public String tenant() {
        return tenant;
    }

    /** Users, sessions, conversations and messages. */
    public ConversationRepository conversations() {
        return conversations;
    }

    /** Agent runs. */
    public RunRepository runs() {
        return runs;
    }

    /** Feedback on messages and conversations. */
    public FeedbackRepository feedback() {
        return feedback;
    }

    /** Agent definitions and channel defaults. */
    public AgentRepository agents() {
        return agents;
    }

    /** The model registry. */
    public ModelRepository models() {
        return models;
    }

    /** System and LLM metrics. */
    public MetricsRepository metrics() {
        return metrics;
    }

    /**
     * Retention of raw metrics for the whole store: every tenant's rows of whole UTC months at once (see
     * {@link MetricsRetention}).
     *
     * @throws IllegalStateException on a tenant view, which must not drop other tenants' rows
     */
    public MetricsRetention metricsRetention() {
        MetricsRetention backend =
                storeWide("metrics").backend(Capability.METRICS).metricsRetention();
        MetricsRetention validating = cutoff -> backend.dropMonthsBefore(Check.time("cutoff", cutoff));
        return runtime.guarded(MetricsRetention.class, validating);
    }

    /** API usage: calls per key and user, daily aggregates and quotas. */
    public ApiUsageRepository apiUsage() {
        return apiUsage;
    }

    /**
     * Retention of API usage for the whole store: every tenant's calls of whole UTC months at once.
     *
     * @throws IllegalStateException on a tenant view, which must not drop other tenants' rows
     */
    public MonthlyRetention apiUsageRetention() {
        return monthly(storeWide("API usage").backend(Capability.API_USAGE).apiUsageRetention());
    }

    /** The error log. */
    public ErrorLogRepository errorLog() {
        return errorLog;
    }

    /**
     * Retention of the error log for the whole store: every tenant's entries of whole UTC months at once.
     *
     * @throws IllegalStateException on a tenant view, which must not drop other tenants' rows
     */
    public MonthlyRetention errorLogRetention() {
        return monthly(storeWide("error log").backend(Capability.ERROR_LOG).errorLogRetention());
    }

    /** The append-only audit log, where the SDK also records its own security-relevant operations. */
    public AuditLog auditLog() {
        return auditLog;
    }

    /**
     * Retention of the audit log for the whole store: every tenant's entries of whole UTC months at once, the only
     * way entries ever leave it.
     *
     * @throws IllegalStateException on a tenant view, which must not drop other tenants' rows
     */
    public MonthlyRetention auditLogRetention() {
        return monthly(storeWide("audit log").backend(Capability.AUDIT_LOG).auditLogRetention());
    }

    /** The runtime, if this is the root store: retention drops every tenant's rows. */
    private StoreRuntime storeWide(String what) {
        if (!owner) {
            throw new IllegalStateException(
                    what + " retention is store-wide: call it on the root store, not on a tenant view");
        }
        return runtime;
    }

    private MonthlyRetention monthly(MonthlyRetention backend) {
        MonthlyRetention validating = cutoff -> backend.dropMonthsBefore(Check.time("cutoff", cutoff));
        return runtime.guarded(MonthlyRetention.class, validating);
    }

    /** Credentials, logins, TOTP, reset tokens, API keys and the security log. */
    public SecurityRepository security() {
        return security;
    }

    /** Vector collections and search. */
    public VectorRepository vectors() {
        return vectors;
    }

    /** Cached model responses. */
    public ResponseCache responseCache() {
        return responseCache;
    }

    /** The session cache. */
    public SessionCache sessions() {
        return sessions;
    }

    /** Rate limits. */
    public RateLimiter rateLimits() {
        return rateLimits;
    }

    /** Presence. */
    public Presence presence() {
        return presence;
    }

    /** Feature flags and A/B variants. */
    public FeatureFlags featureFlags() {
        return featureFlags;
    }

    /** The state of each backend. */
    public Health health() {
        return new Health(runtime.health());
    }

    /** Applies pending schema migrations of every backend (done on open unless switched off). */
    public void migrate() {
        runtime.migrate();
    }

    /**
     * Releases every backend if this is the root store; a no-op on tenant views. Afterwards every repository of
     * the store and of its tenant views, also those fetched earlier, throws {@link IllegalStateException}.
     * Closing again does nothing.
     */
    @Override
    public void close() {
        if (owner) {
            runtime.close();
        }
    }
}

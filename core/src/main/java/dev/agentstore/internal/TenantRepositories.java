package dev.agentstore.internal;

import dev.agentstore.Consistency;
import dev.agentstore.agent.AgentRepository;
import dev.agentstore.audit.AuditActions;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.block.MemoryBlockRepository;
import dev.agentstore.cache.ResponseCache;
import dev.agentstore.checkpoint.CheckpointRepository;
import dev.agentstore.context.ContextAssembler;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.SummaryRepository;
import dev.agentstore.errorlog.ErrorLogRepository;
import dev.agentstore.feedback.FeedbackRepository;
import dev.agentstore.internal.context.CachedConversationRepository;
import dev.agentstore.internal.retrieval.CountingVectorRepository;
import dev.agentstore.internal.retrieval.RetrievalCounts;
import dev.agentstore.internal.security.PolicySecurityRepository;
import dev.agentstore.internal.validation.ValidatingAgentRepository;
import dev.agentstore.internal.validation.ValidatingApiUsageRepository;
import dev.agentstore.internal.validation.ValidatingAuditLog;
import dev.agentstore.internal.validation.ValidatingCheckpointRepository;
import dev.agentstore.internal.validation.ValidatingContextAssembler;
import dev.agentstore.internal.validation.ValidatingConversationRepository;
import dev.agentstore.internal.validation.ValidatingErrorLogRepository;
import dev.agentstore.internal.validation.ValidatingFeatureFlags;
import dev.agentstore.internal.validation.ValidatingFeedbackRepository;
import dev.agentstore.internal.validation.ValidatingMemoryBlockRepository;
import dev.agentstore.internal.validation.ValidatingMetricsRepository;
import dev.agentstore.internal.validation.ValidatingModelRepository;
import dev.agentstore.internal.validation.ValidatingPresence;
import dev.agentstore.internal.validation.ValidatingRateLimiter;
import dev.agentstore.internal.validation.ValidatingRecallRepository;
import dev.agentstore.internal.validation.ValidatingResponseCache;
import dev.agentstore.internal.validation.ValidatingRunRepository;
import dev.agentstore.internal.validation.ValidatingSessionCache;
import dev.agentstore.internal.validation.ValidatingSummaryRepository;
import dev.agentstore.internal.validation.ValidatingVectorRepository;
import dev.agentstore.metrics.MetricsRepository;
import dev.agentstore.model.ModelRepository;
import dev.agentstore.recall.RecallRepository;
import dev.agentstore.run.RunRepository;
import dev.agentstore.security.SecurityRepository;
import dev.agentstore.spi.Capability;
import dev.agentstore.spi.RetrievalRecorder;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.state.FeatureFlags;
import dev.agentstore.state.Presence;
import dev.agentstore.state.RateLimiter;
import dev.agentstore.state.SessionCache;
import dev.agentstore.usage.ApiUsageRepository;
import dev.agentstore.vector.VectorRepository;
import java.util.function.Supplier;

/**
 * The repositories of one tenant as {@link dev.agentstore.AgentStore} hands them out: each backend's repository
 * behind validation (or core's policy, for security), which also refuses calls once the store is closed, and wired
 * to what the SDK adds on top (the audit entries of its own operations, the recent-context cache, the rate-limit
 * fallback), and timed when the store has meters. Each is built on first use: creating a tenant view builds nothing, and a view used for one call builds
 * one repository.
 */
public final class TenantRepositories {
    private final StoreRuntime runtime;
    private final String tenant;
    private final Consistency consistency;
    private final OpenGuard open;
    private final Lazy<ConversationRepository> conversations;
    private final Lazy<ModelRepository> models;
    private final Lazy<RunRepository> runs;
    private final Lazy<FeedbackRepository> feedback;
    private final Lazy<AgentRepository> agents;
    private final Lazy<MemoryBlockRepository> memoryBlocks;
    private final Lazy<CheckpointRepository> checkpoints;
    private final Lazy<SummaryRepository> summaries;
    private final Lazy<RecallRepository> recall;
    private final Lazy<ContextAssembler> contextAssembly;
    private final Lazy<MetricsRepository> metrics;
    private final Lazy<SecurityRepository> security;
    private final Lazy<VectorRepository> vectors;
    private final Lazy<ResponseCache> responseCache;
    private final Lazy<SessionCache> sessions;
    private final Lazy<RateLimiter> rateLimits;
    private final Lazy<Presence> presence;
    private final Lazy<FeatureFlags> featureFlags;
    private final Lazy<ApiUsageRepository> apiUsage;
    private final Lazy<ErrorLogRepository> errorLog;
    private final Lazy<AuditLog> auditLog;

    /**
     * Builds the repositories of {@code tenant} from the runtime's backends, their reads answered as {@code
     * consistency} says; {@code root} for the root store, which alone may write what every tenant shares (global
     * feature flags).
     */
    public TenantRepositories(StoreRuntime runtime, String tenant, boolean root, Consistency consistency) {
        OpenGuard open = runtime.guard();
        this.runtime = runtime;
        this.tenant = tenant;
        this.consistency = consistency;
        this.open = open;
        this.auditLog = lazy(
                Capability.AUDIT_LOG,
                AuditLog.class,
                () -> new ValidatingAuditLog(open, backend(Capability.AUDIT_LOG).auditLog(tenant)));
        this.conversations = lazy(Capability.CONVERSATIONS, ConversationRepository.class, () -> {
            SdkAudit sdkAudit = new SdkAudit(auditLog);
            return new ValidatingConversationRepository(
                    open,
                    conversationsOf(backend(Capability.CONVERSATIONS), tenant),
                    runtime.writeLimits(),
                    new UserErasure(
                            // What to erase is read where every write is: a replica may not hold the newest yet.
                            this::primaryConversations,
                            () -> backend(Capability.SECURITY).security(tenant),
                            this::sessions,
                            this::presence,
                            this::featureFlags),
                    user -> sdkAudit.record(null, AuditActions.USER_ERASED, AuditActions.USER, user));
        });
        this.apiUsage = lazy(
                Capability.API_USAGE,
                ApiUsageRepository.class,
                () -> new ValidatingApiUsageRepository(
                        open, backend(Capability.API_USAGE).apiUsage(tenant), runtime.writeLimits()));
        this.errorLog = lazy(
                Capability.ERROR_LOG,
                ErrorLogRepository.class,
                () -> new ValidatingErrorLogRepository(
                        open, backend(Capability.ERROR_LOG).errorLog(tenant)));
        this.runs = lazy(
                Capability.RUNS,
                RunRepository.class,
                () -> new ValidatingRunRepository(open, backend(Capability.RUNS).runs(tenant)));
        this.feedback = lazy(
                Capability.FEEDBACK,
                FeedbackRepository.class,
                () -> new ValidatingFeedbackRepository(
                        open, backend(Capability.FEEDBACK).feedback(tenant)));
        this.agents = lazy(
                Capability.AGENTS,
                AgentRepository.class,
                () -> new ValidatingAgentRepository(
                        open, backend(Capability.AGENTS).agents(tenant)));
        this.summaries = lazy(
                Capability.CONVERSATIONS,
                SummaryRepository.class,
                () -> new ValidatingSummaryRepository(
                        open, backend(Capability.CONVERSATIONS).summaries(tenant)));
        this.recall = lazy(
                Capability.CONVERSATIONS,
                RecallRepository.class,
                () -> new ValidatingRecallRepository(
                        open, backend(Capability.CONVERSATIONS).recall(tenant)));
        this.contextAssembly = lazy(
                Capability.CONVERSATIONS,
                ContextAssembler.class,
                () -> new ValidatingContextAssembler(
                        open, backend(Capability.CONVERSATIONS).contextAssembler(tenant)));
        this.checkpoints = lazy(
                Capability.CHECKPOINTS,
                CheckpointRepository.class,
                () -> new ValidatingCheckpointRepository(
                        open, backend(Capability.CHECKPOINTS).checkpoints(tenant)));
        this.memoryBlocks = lazy(
                Capability.MEMORY_BLOCKS,
                MemoryBlockRepository.class,
                () -> new ValidatingMemoryBlockRepository(
                        open,
                        new AuditedMemoryBlockRepository(
                                backend(Capability.MEMORY_BLOCKS).memoryBlocks(tenant), new SdkAudit(auditLog))));
        this.models = lazy(
                Capability.MODELS,
                ModelRepository.class,
                () -> new ValidatingModelRepository(
                        open, backend(Capability.MODELS).models(tenant)));
        this.metrics = lazy(
                Capability.METRICS,
                MetricsRepository.class,
                () -> new ValidatingMetricsRepository(
                        open, backend(Capability.METRICS).metrics(tenant), runtime.writeLimits()));
        this.security = lazy(
                Capability.SECURITY,
                SecurityRepository.class,
                () -> new PolicySecurityRepository(
                        open,
                        tenant,
                        backend(Capability.SECURITY).security(tenant),
                        runtime.passwordPolicy(),
                        runtime.hasher(),
                        runtime.cipher(),
                        runtime.context().clock(),
                        auditLog,
                        // Security reads the primary only: a user created a moment ago is there.
                        user -> primaryConversations().findUser(user).isPresent(),
                        runtime.meters()));
        this.vectors = lazy(
                Capability.VECTORS,
                VectorRepository.class,
                () -> new ValidatingVectorRepository(
                        open, countedVectors(backend(Capability.VECTORS), tenant), runtime.writeLimits()));
        this.responseCache = lazy(
                Capability.RESPONSE_CACHE,
                ResponseCache.class,
                () -> new ValidatingResponseCache(
                        open, backend(Capability.RESPONSE_CACHE).responseCache(tenant)));
        this.sessions = lazy(
                Capability.SESSIONS,
                SessionCache.class,
                () -> new ValidatingSessionCache(
                        open, backend(Capability.SESSIONS).sessions(tenant)));
        this.rateLimits = lazy(
                Capability.RATE_LIMITS,
                RateLimiter.class,
                () -> new ValidatingRateLimiter(
                        open,
                        runtime.rateLimitFallback()
                                .protect(tenant, backend(Capability.RATE_LIMITS).rateLimits(tenant))));
        this.presence = lazy(
                Capability.PRESENCE,
                Presence.class,
                () -> new ValidatingPresence(open, backend(Capability.PRESENCE).presence(tenant)));
        this.featureFlags = lazy(
                Capability.FEATURE_FLAGS,
                FeatureFlags.class,
                () -> new ValidatingFeatureFlags(
                        open, backend(Capability.FEATURE_FLAGS).featureFlags(tenant), root));
    }

    /** The backend serving {@code capability}, its reads answered as this view's consistency says. */
    private StoreBackend backend(Capability capability) {
        return runtime.backend(capability, consistency);
    }

    /**
     * A repository built on first use, if the store is still open then (a closed backend builds none), and timed as
     * {@code capability}'s when the store has meters.
     */
    private <T> Lazy<T> lazy(Capability capability, Class<T> api, Supplier<T> factory) {
        return Lazy.of(() -> {
            open.check();
            return runtime.meters().timed(api, factory.get(), capability, runtime.providerId(capability), tenant);
        });
    }

    /** The tenant's vectors, with searches counted when the backend keeps retrieval statistics and counting is on. */
    private VectorRepository countedVectors(StoreBackend backend, String tenant) {
        VectorRepository vectors = backend.vectors(tenant);
        RetrievalCounts counts = runtime.retrievalCounts();
        return counts.enabled() && vectors instanceof RetrievalRecorder
                ? new CountingVectorRepository(vectors, counts, tenant)
                : vectors;
    }

    /** The tenant's conversations backend, behind the recent-context cache when a provider serves one. */
    private ConversationRepository conversationsOf(StoreBackend backend, String tenant) {
        ConversationRepository source = backend.conversations(tenant);
        StoreBackend cacheBackend = backend(Capability.CONTEXT_CACHE);
        return cacheBackend == null
                ? source
                : new CachedConversationRepository(
                        source,
                        primaryConversations(),
                        cacheBackend.recentMessages(tenant),
                        runtime.context().clock(),
                        runtime.meters());
    }

    /**
     * The tenant's conversations backend as it reads every write ({@link Consistency#READ_YOUR_WRITES}), unvalidated:
     * for the reads a write or an erasure depends on, which a lagging replica must not answer.
     */
    private ConversationRepository primaryConversations() {
        return runtime.backend(Capability.CONVERSATIONS, Consistency.READ_YOUR_WRITES)
                .conversations(tenant);
    }

    /** The tenant's conversations. */
    public ConversationRepository conversations() {
        return conversations.get();
    }

    /** The tenant's models. */
    public ModelRepository models() {
        return models.get();
    }

    /** The tenant's runs. */
    public RunRepository runs() {
        return runs.get();
    }

    /** The tenant's feedback. */
    public FeedbackRepository feedback() {
        return feedback.get();
    }

    /** The tenant's conversation summaries. */
    public SummaryRepository summaries() {
        return summaries.get();
    }

    /** The tenant's message recall. */
    public RecallRepository recall() {
        return recall.get();
    }

    /** The tenant's context assembly. */
    public ContextAssembler contextAssembly() {
        return contextAssembly.get();
    }

    /** The tenant's run checkpoints. */
    public CheckpointRepository checkpoints() {
        return checkpoints.get();
    }

    /** The tenant's memory blocks. */
    public MemoryBlockRepository memoryBlocks() {
        return memoryBlocks.get();
    }

    /** The tenant's agents. */
    public AgentRepository agents() {
        return agents.get();
    }

    /** The tenant's metrics. */
    public MetricsRepository metrics() {
        return metrics.get();
    }

    /** The tenant's security rules over its security store. */
    public SecurityRepository security() {
        return security.get();
    }

    /** The tenant's vector collections. */
    public VectorRepository vectors() {
        return vectors.get();
    }

    /** The tenant's response cache. */
    public ResponseCache responseCache() {
        return responseCache.get();
    }

    /** The tenant's session cache. */
    public SessionCache sessions() {
        return sessions.get();
    }

    /** The tenant's rate limiter. */
    public RateLimiter rateLimits() {
        return rateLimits.get();
    }

    /** The tenant's presence. */
    public Presence presence() {
        return presence.get();
    }

    /** The tenant's feature flags. */
    public FeatureFlags featureFlags() {
        return featureFlags.get();
    }

    /** The tenant's API usage. */
    public ApiUsageRepository apiUsage() {
        return apiUsage.get();
    }

    /** The tenant's error log. */
    public ErrorLogRepository errorLog() {
        return errorLog.get();
    }

    /** The tenant's audit log. */
    public AuditLog auditLog() {
        return auditLog.get();
    }
}

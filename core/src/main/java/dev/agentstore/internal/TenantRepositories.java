package dev.agentstore.internal;

import dev.agentstore.agent.AgentRepository;
import dev.agentstore.audit.AuditActions;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.cache.ResponseCache;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.errorlog.ErrorLogRepository;
import dev.agentstore.feedback.FeedbackRepository;
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
import dev.agentstore.model.ModelRepository;
import dev.agentstore.run.RunRepository;
import dev.agentstore.security.SecurityRepository;
import dev.agentstore.spi.Capability;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.state.FeatureFlags;
import dev.agentstore.state.Presence;
import dev.agentstore.state.RateLimiter;
import dev.agentstore.state.SessionCache;
import dev.agentstore.usage.ApiUsageRepository;
import dev.agentstore.vector.VectorRepository;

/**
 * The repositories of one tenant as {@link dev.agentstore.AgentStore} hands them out: each backend's repository
 * behind validation (or core's policy, for security), guarded against use after close, and wired to what the SDK
 * adds on top (the audit entries of its own operations, the recent-context cache, the rate-limit fallback).
 */
public final class TenantRepositories {
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

    /**
     * Builds the repositories of {@code tenant} from the runtime's backends; {@code root} for the root store, which
     * alone may write what every tenant shares (global feature flags).
     */
    public TenantRepositories(StoreRuntime runtime, String tenant, boolean root) {
        this.auditLog = runtime.guarded(
                AuditLog.class,
                new ValidatingAuditLog(runtime.backend(Capability.AUDIT_LOG).auditLog(tenant)));
        SdkAudit sdkAudit = new SdkAudit(auditLog);
        this.conversations = runtime.guarded(
                ConversationRepository.class,
                new ValidatingConversationRepository(
                        conversationsOf(runtime, tenant),
                        runtime.writeLimits(),
                        user -> sdkAudit.record(null, AuditActions.USER_ERASED, AuditActions.USER, user)));
        this.apiUsage = runtime.guarded(
                ApiUsageRepository.class,
                new ValidatingApiUsageRepository(
                        runtime.backend(Capability.API_USAGE).apiUsage(tenant), runtime.writeLimits()));
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
                        runtime.backend(Capability.METRICS).metrics(tenant), runtime.writeLimits()));
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
                        runtime.backend(Capability.VECTORS).vectors(tenant), runtime.writeLimits()));
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
                        runtime.backend(Capability.FEATURE_FLAGS).featureFlags(tenant), root));
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

    /** The tenant's conversations. */
    public ConversationRepository conversations() {
        return conversations;
    }

    /** The tenant's models. */
    public ModelRepository models() {
        return models;
    }

    /** The tenant's runs. */
    public RunRepository runs() {
        return runs;
    }

    /** The tenant's feedback. */
    public FeedbackRepository feedback() {
        return feedback;
    }

    /** The tenant's agents. */
    public AgentRepository agents() {
        return agents;
    }

    /** The tenant's metrics. */
    public MetricsRepository metrics() {
        return metrics;
    }

    /** The tenant's security rules over its security store. */
    public SecurityRepository security() {
        return security;
    }

    /** The tenant's vector collections. */
    public VectorRepository vectors() {
        return vectors;
    }

    /** The tenant's response cache. */
    public ResponseCache responseCache() {
        return responseCache;
    }

    /** The tenant's session cache. */
    public SessionCache sessions() {
        return sessions;
    }

    /** The tenant's rate limiter. */
    public RateLimiter rateLimits() {
        return rateLimits;
    }

    /** The tenant's presence. */
    public Presence presence() {
        return presence;
    }

    /** The tenant's feature flags. */
    public FeatureFlags featureFlags() {
        return featureFlags;
    }

    /** The tenant's API usage. */
    public ApiUsageRepository apiUsage() {
        return apiUsage;
    }

    /** The tenant's error log. */
    public ErrorLogRepository errorLog() {
        return errorLog;
    }

    /** The tenant's audit log. */
    public AuditLog auditLog() {
        return auditLog;
    }
}

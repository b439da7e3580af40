package dev.agentstore;

import dev.agentstore.agent.AgentRepository;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.block.MemoryBlockRepository;
import dev.agentstore.cache.ResponseCache;
import dev.agentstore.checkpoint.CheckpointRepository;
import dev.agentstore.context.ContextAssembler;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.ConversationRetentionPolicy;
import dev.agentstore.conversation.ConversationRetentionReport;
import dev.agentstore.conversation.SummaryRepository;
import dev.agentstore.errorlog.ErrorLogRepository;
import dev.agentstore.feedback.FeedbackRepository;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.StoreRuntime;
import dev.agentstore.internal.TenantRepositories;
import dev.agentstore.metrics.MetricsRepository;
import dev.agentstore.metrics.MetricsRetention;
import dev.agentstore.model.ModelRepository;
import dev.agentstore.recall.RecallRepository;
import dev.agentstore.run.RunRepository;
import dev.agentstore.security.SecurityRepository;
import dev.agentstore.spi.Capability;
import dev.agentstore.spi.StoreProvider;
import dev.agentstore.state.FeatureFlags;
import dev.agentstore.state.Presence;
import dev.agentstore.state.RateLimiter;
import dev.agentstore.state.SessionCache;
import dev.agentstore.usage.ApiUsageRepository;
import dev.agentstore.vector.VectorRepository;
import java.time.Clock;
import java.util.Map;

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
    private final Consistency consistency;
    private final TenantRepositories repositories;

    private AgentStore(StoreRuntime runtime, String tenant, boolean owner, Consistency consistency) {
        this.runtime = runtime;
        this.tenant = tenant;
        this.owner = owner;
        this.consistency = consistency;
        this.repositories = new TenantRepositories(runtime, tenant, owner, consistency);
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
        AgentStoreBuilder builder = builder(config).clock(clock);
        for (StoreProvider provider : extraProviders) {
            builder.provider(provider);
        }
        return builder.open();
    }

    /** A builder for a store with a clock, providers built in code or a Micrometer registry. */
    public static AgentStoreBuilder builder(StoreConfig config) {
        return new AgentStoreBuilder(config);
    }

    /** The root store over {@code runtime}. */
    static AgentStore opened(StoreRuntime runtime, StoreConfig config) {
        return new AgentStore(runtime, config.defaultTenant(), true, Consistency.DEFAULT);
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
     * The same store scoped to {@code tenantId}: nothing of another tenant is visible or changeable through it. A
     * view is never the root store, not even for the default tenant's id, so what only the root may do (store-wide
     * retention, global feature flags) stays out of reach of a tenant id that comes from a request.
     *
     * @param tenantId 1 to 128 letters, digits, {@code . _ : @ -}, starting with a letter or digit
     * @throws InvalidInputException if the id breaks that rule
     */
    public AgentStore forTenant(String tenantId) {
        Check.tenantId("tenantId", tenantId);
        return tenantId.equals(tenant) && !owner ? this : new AgentStore(runtime, tenantId, false, consistency);
    }

    /**
     * The same tenant's view with its reads answered as {@code consistency} says: {@link
     * Consistency#READ_YOUR_WRITES} keeps every read on the primary, {@link Consistency#BOUNDED_STALENESS} sends
     * every read it can to a read replica. Writes and security always go to the primary. Like {@link #forTenant}, the
     * view is never the root store; its tenant views keep the consistency.
     *
     * @throws InvalidInputException if {@code consistency} is null
     */
    public AgentStore withConsistency(Consistency consistency) {
        Check.present("consistency", consistency);
        return consistency == this.consistency && !owner ? this : new AgentStore(runtime, tenant, false, consistency);
    }

    /** Where this view's reads are answered; {@link Consistency#DEFAULT} unless chosen with {@link #withConsistency}. */
    public Consistency consistency() {
        return consistency;
    }

    /** The tenant this view is scoped to. */
    public String tenant() {
        return tenant;
    }

    /** Users, sessions, conversations and messages. */
    public ConversationRepository conversations() {
        return repositories.conversations();
    }

    /**
     * Applies conversation retention ({@link ConversationRepository#applyRetention}) to each tenant in turn, each with
     * its own policy: the store-wide job to schedule, in batches, tenant by tenant. agentstore cannot list the tenants
     * itself, because no table answers without a tenant (row-level security is forced on every one), so the caller
     * names them, with the policy each has chosen.
     *
     * @return what the runs removed, added up
     * @throws IllegalStateException on a tenant view, which must not reach other tenants
     */
    public ConversationRetentionReport applyConversationRetention(
            Map<String, ConversationRetentionPolicy> policyByTenant) {
        storeWide("conversation");
        Check.present("policyByTenant", policyByTenant);
        policyByTenant.forEach((tenant, policy) -> {
            Check.tenantId("policyByTenant.tenant", tenant);
            Check.present("policyByTenant.policy", policy);
        });
        ConversationRetentionReport total = ConversationRetentionReport.NOTHING;
        for (Map.Entry<String, ConversationRetentionPolicy> tenant : policyByTenant.entrySet()) {
            total = total.plus(forTenant(tenant.getKey()).conversations().applyRetention(tenant.getValue()));
        }
        return total;
    }

    /** Agent runs. */
    public RunRepository runs() {
        return repositories.runs();
    }

    /** Feedback on messages and conversations. */
    public FeedbackRepository feedback() {
        return repositories.feedback();
    }

    /** Agent definitions and channel defaults. */
    public AgentRepository agents() {
        return repositories.agents();
    }

    /** Conversation summaries: what each stands for (a branch, through a sequence), every one kept. */
    public SummaryRepository summaries() {
        return repositories.summaries();
    }

    /** Semantic recall over users' past messages, opt-in per user or agent, with caller-supplied embeddings. */
    public RecallRepository recall() {
        return repositories.recall();
    }

    /** Context assembly: a conversation's next model call within a token budget, in one call. */
    public ContextAssembler contextAssembly() {
        return repositories.contextAssembly();
    }

    /** Run checkpoints: resume or fork an agent's thread from any step. */
    public CheckpointRepository checkpoints() {
        return repositories.checkpoints();
    }

    /** Memory blocks: labelled texts agents keep in their prompt, with every edit kept. */
    public MemoryBlockRepository memoryBlocks() {
        return repositories.memoryBlocks();
    }

    /** The model registry. */
    public ModelRepository models() {
        return repositories.models();
    }

    /** System and LLM metrics. */
    public MetricsRepository metrics() {
        return repositories.metrics();
    }

    /**
     * Retention of raw metrics for the whole store: every tenant's rows of whole UTC months at once (see
     * {@link MetricsRetention}).
     *
     * @throws IllegalStateException on a tenant view, which must not drop other tenants' rows
     */
    public MetricsRetention metricsRetention() {
        return monthly(storeWide("metrics").backend(Capability.METRICS).metricsRetention())::dropMonthsBefore;
    }

    /** API usage: calls per key and user, daily aggregates and quotas. */
    public ApiUsageRepository apiUsage() {
        return repositories.apiUsage();
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
        return repositories.errorLog();
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
        return repositories.auditLog();
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
        return cutoff -> {
            runtime.guard().check();
            return backend.dropMonthsBefore(Check.time("cutoff", cutoff));
        };
    }

    /** Credentials, logins, TOTP, reset tokens, API keys and the security log. */
    public SecurityRepository security() {
        return repositories.security();
    }

    /** Vector collections and search. */
    public VectorRepository vectors() {
        return repositories.vectors();
    }

    /** Cached model responses. */
    public ResponseCache responseCache() {
        return repositories.responseCache();
    }

    /** The session cache. */
    public SessionCache sessions() {
        return repositories.sessions();
    }

    /** Rate limits. */
    public RateLimiter rateLimits() {
        return repositories.rateLimits();
    }

    /** Presence. */
    public Presence presence() {
        return repositories.presence();
    }

    /** Feature flags and A/B variants. */
    public FeatureFlags featureFlags() {
        return repositories.featureFlags();
    }

    /** The state of each backend. */
    public Health health() {
        return new Health(runtime.health(), runtime.healthDetails());
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

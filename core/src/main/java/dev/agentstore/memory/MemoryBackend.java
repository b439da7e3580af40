package dev.agentstore.memory;

import dev.agentstore.MonthlyRetention;
import dev.agentstore.StoreUnavailableException;
import dev.agentstore.agent.AgentRepository;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.block.MemoryBlockRepository;
import dev.agentstore.cache.ResponseCache;
import dev.agentstore.checkpoint.CheckpointRepository;
import dev.agentstore.context.ContextAssembler;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.SummaryRepository;
import dev.agentstore.errorlog.ErrorLogRepository;
import dev.agentstore.feedback.FeedbackRepository;
import dev.agentstore.metrics.MetricsRepository;
import dev.agentstore.metrics.MetricsRetention;
import dev.agentstore.model.ModelRepository;
import dev.agentstore.recall.RecallRepository;
import dev.agentstore.run.RunRepository;
import dev.agentstore.spi.RecentMessagesCache;
import dev.agentstore.spi.SecurityStore;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.state.FeatureFlags;
import dev.agentstore.state.Presence;
import dev.agentstore.state.RateLimiter;
import dev.agentstore.state.SessionCache;
import dev.agentstore.usage.ApiUsageRepository;
import dev.agentstore.vector.VectorRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/** One in-memory store: each tenant's repositories are created once and kept apart from every other tenant's. */
final class MemoryBackend implements StoreBackend {
    private final Clock clock;
    private final Map<String, Object> repositories = new ConcurrentHashMap<>();
    private final GlobalFlags globalFlags = new GlobalFlags();
    private volatile boolean closed;

    private final int contextCacheSize;
    private final Duration contextCacheTtl;
    private final Duration idempotencyKeyTtl;

    MemoryBackend(Clock clock, int contextCacheSize, Duration contextCacheTtl, Duration idempotencyKeyTtl) {
        this.clock = clock;
        this.contextCacheSize = contextCacheSize;
        this.contextCacheTtl = contextCacheTtl;
        this.idempotencyKeyTtl = idempotencyKeyTtl;
    }

    @Override
    public ConversationRepository conversations(String tenant) {
        return repository(
                "conversations",
                tenant,
                t -> new InMemoryConversationRepository(
                        clock,
                        idempotencyKeyTtl,
                        removals(t),
                        new ConversationLinks(agent -> agents(t).find(agent).isPresent(), run -> runs(t).find(run))));
    }

    /** The tenant's removal events, shared by its conversations and the repositories that go with them. */
    private RemovalListeners removals(String tenant) {
        return repository("removals", tenant, t -> new RemovalListeners());
    }

    @Override
    public RunRepository runs(String tenant) {
        return repository(
                "runs",
                tenant,
                t -> new InMemoryRunRepository(clock, (InMemoryConversationRepository) conversations(t), removals(t)));
    }

    @Override
    public FeedbackRepository feedback(String tenant) {
        return repository(
                "feedback",
                tenant,
                t -> new InMemoryFeedbackRepository(
                        clock, (InMemoryConversationRepository) conversations(t), removals(t)));
    }

    @Override
    public AgentRepository agents(String tenant) {
        return repository(
                "agents",
                tenant,
                t -> new InMemoryAgentRepository(
                        clock, (InMemoryConversationRepository) conversations(t), removals(t)));
    }

    @Override
    public SummaryRepository summaries(String tenant) {
        var conversations = (InMemoryConversationRepository) conversations(tenant); // outside the factory
        RemovalListeners removals = removals(tenant);
        return repository("summaries", tenant, t -> new InMemorySummaries(clock, conversations, removals));
    }

    @Override
    public RecallRepository recall(String tenant) {
        var conversations = (InMemoryConversationRepository) conversations(tenant); // outside the factory
        AgentRepository agents = agents(tenant);
        RemovalListeners removals = removals(tenant);
        return repository(
                "recall",
                tenant,
                t -> new InMemoryRecall(
                        conversations, agent -> agents.find(agent).isPresent(), removals));
    }

    @Override
    public ContextAssembler contextAssembler(String tenant) {
        var conversations = (InMemoryConversationRepository) conversations(tenant); // outside the factory
        SummaryRepository summaries = summaries(tenant);
        RecallRepository recall = recall(tenant);
        MemoryBlockRepository blocks = memoryBlocks(tenant);
        return repository(
                "contextAssembler",
                tenant,
                t -> new InMemoryContextAssembler(conversations, summaries, recall, blocks));
    }

    @Override
    public CheckpointRepository checkpoints(String tenant) {
        RunRepository runs = runs(tenant); // outside the factory
        RemovalListeners removals = removals(tenant);
        return repository(
                "checkpoints",
                tenant,
                t -> new InMemoryCheckpoints(clock, run -> runs.find(run).isPresent(), removals));
    }

    @Override
    public MemoryBlockRepository memoryBlocks(String tenant) {
        var conversations = (InMemoryConversationRepository) conversations(tenant); // outside the factory
        AgentRepository agents = agents(tenant);
        RemovalListeners removals = removals(tenant);
        return repository(
                "memoryBlocks",
                tenant,
                t -> new InMemoryMemoryBlocks(
                        clock,
                        agent -> agents.find(agent).isPresent(),
                        user -> conversations.findUser(user).isPresent(),
                        removals));
    }

    @Override
    public ModelRepository models(String tenant) {
        return repository("models", tenant, t -> new InMemoryModelRepository(clock));
    }

    @Override
    public MetricsRepository metrics(String tenant) {
        ModelRepository models = models(tenant); // outside the factory: no nested update of the map
        var conversations = (InMemoryConversationRepository) conversations(tenant);
        var feedback = (InMemoryFeedbackRepository) feedback(tenant);
        RemovalListeners removals = removals(tenant);
        return repository(
                "metrics", tenant, t -> new InMemoryMetricsRepository(models, conversations, feedback, removals));
    }

    @Override
    public MetricsRetention metricsRetention() {
        return cutoff ->
                dropMonths(InMemoryMetricsRepository.class, cutoff, InMemoryMetricsRepository::dropMonthsBefore);
    }

    @Override
    public ApiUsageRepository apiUsage(String tenant) {
        return repository(
                "apiUsage",
                tenant,
                t -> new InMemoryApiUsageRepository(
                        clock, (InMemoryConversationRepository) conversations(t), removals(t)));
    }

    @Override
    public MonthlyRetention apiUsageRetention() {
        return cutoff ->
                dropMonths(InMemoryApiUsageRepository.class, cutoff, InMemoryApiUsageRepository::dropMonthsBefore);
    }

    @Override
    public ErrorLogRepository errorLog(String tenant) {
        return repository("errorLog", tenant, t -> new InMemoryErrorLog(clock));
    }

    @Override
    public MonthlyRetention errorLogRetention() {
        return cutoff -> dropMonths(InMemoryErrorLog.class, cutoff, InMemoryErrorLog::dropMonthsBefore);
    }

    @Override
    public AuditLog auditLog(String tenant) {
        return repository("auditLog", tenant, t -> new InMemoryAuditLog(clock));
    }

    @Override
    public MonthlyRetention auditLogRetention() {
        return cutoff -> dropMonths(InMemoryAuditLog.class, cutoff, InMemoryAuditLog::dropMonthsBefore);
    }

    /** Drops the months before {@code cutoff} from every tenant's repository of one type. */
    private <R> List<YearMonth> dropMonths(
            Class<R> type, Instant cutoff, BiFunction<R, Instant, SortedSet<YearMonth>> drop) {
        SortedSet<YearMonth> dropped = new TreeSet<>();
        repositories.values().stream()
                .filter(type::isInstance)
                .forEach(r -> dropped.addAll(drop.apply(type.cast(r), cutoff)));
        return List.copyOf(dropped);
    }

    @Override
    public SecurityStore security(String tenant) {
        return repository("security", tenant, t -> new InMemorySecurityStore());
    }

    @Override
    public VectorRepository vectors(String tenant) {
        return repository("vectors", tenant, t -> new InMemoryVectorRepository(clock));
    }

    @Override
    public ResponseCache responseCache(String tenant) {
        return repository("cache", tenant, t -> new InMemoryResponseCache(clock));
    }

    @Override
    public SessionCache sessions(String tenant) {
        return repository("sessions", tenant, t -> new InMemorySessionCache(clock));
    }

    @Override
    public RateLimiter rateLimits(String tenant) {
        return repository("rateLimits", tenant, t -> new InMemoryRateLimiter(clock));
    }

    @Override
    public Presence presence(String tenant) {
        return repository("presence", tenant, t -> new InMemoryPresence(clock));
    }

    @Override
    public FeatureFlags featureFlags(String tenant) {
        return repository("flags", tenant, t -> new InMemoryFeatureFlags(globalFlags));
    }

    @Override
    public RecentMessagesCache recentMessages(String tenant) {
        return repository(
                "recentMessages",
                tenant,
                t -> new InMemoryRecentMessagesCache(clock, contextCacheSize, contextCacheTtl));
    }

    @Override
    public String health() {
        return closed ? "down: closed" : "up";
    }

    @Override
    public void close() {
        closed = true;
        repositories.clear();
    }

    @SuppressWarnings("unchecked")
    private <T> T repository(String kind, String tenant, Function<String, T> factory) {
        if (closed) {
            throw new StoreUnavailableException("the in-memory store is closed");
        }
        String key = kind + "\u0000" + tenant;
        Object existing = repositories.get(key);
        if (existing == null) {
            // Not computeIfAbsent: a factory may ask for another repository of the tenant (runs need its
            // conversations), and a map must not be updated from inside its own mapping function.
            synchronized (repositories) {
                existing = repositories.get(key);
                if (existing == null) {
                    existing = factory.apply(tenant);
                    repositories.put(key, existing);
                }
            }
        }
        return (T) existing;
    }
}

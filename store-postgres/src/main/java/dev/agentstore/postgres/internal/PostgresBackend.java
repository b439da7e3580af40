package dev.agentstore.postgres.internal;

import dev.agentstore.Consistency;
import dev.agentstore.MonthlyRetention;
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
import dev.agentstore.postgres.internal.agent.PostgresAgentRepository;
import dev.agentstore.postgres.internal.audit.PostgresAuditLog;
import dev.agentstore.postgres.internal.block.PostgresMemoryBlocks;
import dev.agentstore.postgres.internal.cache.PostgresResponseCache;
import dev.agentstore.postgres.internal.checkpoint.CheckpointStatements;
import dev.agentstore.postgres.internal.checkpoint.LastStates;
import dev.agentstore.postgres.internal.checkpoint.PostgresCheckpoints;
import dev.agentstore.postgres.internal.context.ContextStatements;
import dev.agentstore.postgres.internal.context.PostgresContextAssembler;
import dev.agentstore.postgres.internal.conversation.ConversationStatements;
import dev.agentstore.postgres.internal.conversation.HistoryIngest;
import dev.agentstore.postgres.internal.conversation.PostgresConversationRepository;
import dev.agentstore.postgres.internal.conversation.PostgresSummaries;
import dev.agentstore.postgres.internal.errorlog.PostgresErrorLog;
import dev.agentstore.postgres.internal.feedback.PostgresFeedbackRepository;
import dev.agentstore.postgres.internal.metrics.MetricIngest;
import dev.agentstore.postgres.internal.metrics.PostgresMetricsRepository;
import dev.agentstore.postgres.internal.model.PostgresModelRepository;
import dev.agentstore.postgres.internal.partition.MonthlyPartitions;
import dev.agentstore.postgres.internal.recall.EmbeddingIndexes;
import dev.agentstore.postgres.internal.recall.PostgresRecall;
import dev.agentstore.postgres.internal.run.PostgresRunRepository;
import dev.agentstore.postgres.internal.security.PostgresSecurityStore;
import dev.agentstore.postgres.internal.usage.PostgresApiUsageRepository;
import dev.agentstore.postgres.spi.PostgresDsl;
import dev.agentstore.postgres.spi.PostgresErrors;
import dev.agentstore.postgres.spi.PostgresMigrations;
import dev.agentstore.postgres.spi.PostgresMigrator;
import dev.agentstore.postgres.spi.PostgresPool;
import dev.agentstore.postgres.spi.PostgresSettings;
import dev.agentstore.postgres.spi.ReplicaSet;
import dev.agentstore.postgres.spi.RuntimeRole;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.recall.RecallRepository;
import dev.agentstore.run.RunRepository;
import dev.agentstore.spi.SecurityStore;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.usage.ApiUsageRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/** The open PostgreSQL backend: one shared pool and jOOQ context, and repositories per tenant. */
public final class PostgresBackend implements StoreBackend {
    private final PostgresSettings config;
    private final Clock clock;
    private final DSLContext dsl;
    private final DSLContext securityDsl;
    private final ConversationStatements conversationStatements;
    private final CheckpointStatements checkpointStatements;
    private final LastStates lastStates;
    private final MonthlyPartitions metricPartitions;
    private final MonthlyPartitions apiUsagePartitions;
    private final MonthlyPartitions errorLogPartitions;
    private final MonthlyPartitions auditLogPartitions;
    private final MetricIngest ingest;
    private final HistoryIngest historyIngest;
    private final Duration idempotencyKeyTtl;
    private final EmbeddingIndexes embeddingIndexes;
    private final ContextStatements contextStatements;
    private final ReplicaSet replicas;
    private final Consistency consistency;

    /** Opens the backend on the context's shared pool. */
    public PostgresBackend(StoreContext context) {
        this.config = PostgresSettings.of(context);
        this.clock = context.clock();
        this.idempotencyKeyTtl = context.config().idempotencyKeyTtl();
        this.lastStates = new LastStates();
        this.dsl = PostgresDsl.create(PostgresPool.shared(context), config.schema());
        this.securityDsl = PostgresDsl.create(
                PostgresPool.shared(context), PostgresMigrations.GENERATED_SECURITY_SCHEMA, config.securitySchema());
        this.conversationStatements = ConversationStatements.render(dsl);
        this.checkpointStatements = CheckpointStatements.render(dsl);
        this.metricPartitions = new MonthlyPartitions(config, clock, "system_metrics", "llm_metrics", "metric_series");
        this.apiUsagePartitions = new MonthlyPartitions(config, clock, "api_usage");
        this.errorLogPartitions = new MonthlyPartitions(config, clock, "error_log");
        this.auditLogPartitions = new MonthlyPartitions(config, clock, "audit_log");
        DataSource ingestPool = PostgresPool.ingest(context);
        this.ingest = ingestPool == null ? null : new MetricIngest(ingestPool, config.schema());
        this.historyIngest = ingestPool == null ? null : new HistoryIngest(ingestPool, config.schema());
        RuntimeRole.verify(dsl, config);
        this.embeddingIndexes = new EmbeddingIndexes(config, dsl);
        this.contextStatements = ContextStatements.render(dsl);
        this.replicas = ReplicaSet.shared(context);
        this.consistency = Consistency.DEFAULT;
    }

    /** The same backend with its reads answered as {@code consistency} says. */
    private PostgresBackend(PostgresBackend base, Consistency consistency) {
        this.config = base.config;
        this.clock = base.clock;
        this.dsl = base.dsl;
        this.securityDsl = base.securityDsl;
        this.conversationStatements = base.conversationStatements;
        this.checkpointStatements = base.checkpointStatements;
        this.lastStates = base.lastStates;
        this.metricPartitions = base.metricPartitions;
        this.apiUsagePartitions = base.apiUsagePartitions;
        this.errorLogPartitions = base.errorLogPartitions;
        this.auditLogPartitions = base.auditLogPartitions;
        this.ingest = base.ingest;
        this.historyIngest = base.historyIngest;
        this.idempotencyKeyTtl = base.idempotencyKeyTtl;
        this.embeddingIndexes = base.embeddingIndexes;
        this.contextStatements = base.contextStatements;
        this.replicas = base.replicas;
        this.consistency = consistency;
    }

    /** Reads on the primary, or on a read replica where the method and {@code consistency} allow. */
    @Override
    public StoreBackend withConsistency(Consistency consistency) {
        return consistency == this.consistency ? this : new PostgresBackend(this, consistency);
    }

    /** The statements of {@code tenant}, their reads routed as this view's consistency says. */
    private TenantSql sql(String tenant) {
        return new TenantSql(dsl, tenant, replicas, consistency);
    }

    @Override
    public ConversationRepository conversations(String tenant) {
        return new PostgresConversationRepository(
                sql(tenant), conversationStatements, clock, idempotencyKeyTtl, historyIngest);
    }

    @Override
    public RunRepository runs(String tenant) {
        return new PostgresRunRepository(sql(tenant), clock);
    }

    @Override
    public FeedbackRepository feedback(String tenant) {
        return new PostgresFeedbackRepository(sql(tenant), clock);
    }

    @Override
    public AgentRepository agents(String tenant) {
        return new PostgresAgentRepository(sql(tenant), clock);
    }

    @Override
    public SummaryRepository summaries(String tenant) {
        return new PostgresSummaries(sql(tenant), clock);
    }

    @Override
    public RecallRepository recall(String tenant) {
        return new PostgresRecall(sql(tenant), embeddingIndexes, clock);
    }

    @Override
    public ContextAssembler contextAssembler(String tenant) {
        return new PostgresContextAssembler(sql(tenant), conversationStatements, contextStatements, embeddingIndexes);
    }

    @Override
    public CheckpointRepository checkpoints(String tenant) {
        return new PostgresCheckpoints(sql(tenant), checkpointStatements, lastStates, clock);
    }

    @Override
    public MemoryBlockRepository memoryBlocks(String tenant) {
        return new PostgresMemoryBlocks(sql(tenant), clock);
    }

    @Override
    public ModelRepository models(String tenant) {
        return new PostgresModelRepository(sql(tenant), clock);
    }

    @Override
    public MetricsRepository metrics(String tenant) {
        return new PostgresMetricsRepository(sql(tenant), metricPartitions, ingest, clock);
    }

    @Override
    public MetricsRetention metricsRetention() {
        return metricPartitions::dropMonthsBefore;
    }

    @Override
    public ApiUsageRepository apiUsage(String tenant) {
        return new PostgresApiUsageRepository(sql(tenant), apiUsagePartitions, clock);
    }

    @Override
    public MonthlyRetention apiUsageRetention() {
        return apiUsagePartitions;
    }

    @Override
    public ErrorLogRepository errorLog(String tenant) {
        return new PostgresErrorLog(sql(tenant), errorLogPartitions, clock);
    }

    @Override
    public MonthlyRetention errorLogRetention() {
        return errorLogPartitions;
    }

    @Override
    public AuditLog auditLog(String tenant) {
        return new PostgresAuditLog(sql(tenant), auditLogPartitions, clock);
    }

    @Override
    public MonthlyRetention auditLogRetention() {
        return auditLogPartitions;
    }

    @Override
    public SecurityStore security(String tenant) {
        return new PostgresSecurityStore(new TenantSql(securityDsl, tenant));
    }

    @Override
    public ResponseCache responseCache(String tenant) {
        return new PostgresResponseCache(sql(tenant), clock);
    }

    @Override
    public void migrate() {
        PostgresMigrator.migrate(config, PostgresMigrations::flyway);
        PostgresMigrator.migrate(config, config.securitySchema(), PostgresMigrations::securityFlyway);
        for (MonthlyPartitions partitions :
                List.of(metricPartitions, apiUsagePartitions, errorLogPartitions, auditLogPartitions)) {
            partitions.ensure(List.of());
        }
        RuntimeRole.verify(dsl, config);
    }

    @Override
    public String health() {
        return PostgresErrors.health(dsl);
    }

    /** Each read replica's state: in use, or skipped and why (the primary answers meanwhile). */
    @Override
    public Map<String, String> healthDetails() {
        return replicas.status();
    }

    /** The pool belongs to the store's context, which closes it. */
    @Override
    public void close() {}
}

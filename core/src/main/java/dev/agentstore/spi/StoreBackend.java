package dev.agentstore.spi;

import dev.agentstore.Consistency;
import dev.agentstore.MonthlyRetention;
import dev.agentstore.UnsupportedCapabilityException;
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
import dev.agentstore.state.FeatureFlags;
import dev.agentstore.state.Presence;
import dev.agentstore.state.RateLimiter;
import dev.agentstore.state.SessionCache;
import dev.agentstore.usage.ApiUsageRepository;
import dev.agentstore.vector.VectorRepository;
import java.util.Map;

/**
 * An open backend. Each accessor returns the repository of one tenant (already validated by core); a
 * backend overrides those of its {@link StoreProvider#capabilities()}. Must be thread-safe.
 */
public interface StoreBackend extends AutoCloseable {

    /** Conversations of {@code tenant}. */
    default ConversationRepository conversations(String tenant) {
        throw unsupported(Capability.CONVERSATIONS);
    }

    /** Agent runs of {@code tenant}. */
    default RunRepository runs(String tenant) {
        throw unsupported(Capability.RUNS);
    }

    /** Feedback of {@code tenant}. */
    default FeedbackRepository feedback(String tenant) {
        throw unsupported(Capability.FEEDBACK);
    }

    /** The conversation summaries of {@code tenant}; part of the conversations capability, in the same store. */
    default SummaryRepository summaries(String tenant) {
        throw unsupported(Capability.CONVERSATIONS);
    }

    /**
     * Semantic recall over the past messages of {@code tenant}; part of the conversations capability, in the same
     * store as the messages it ranks.
     */
    default RecallRepository recall(String tenant) {
        throw unsupported(Capability.CONVERSATIONS);
    }

    /**
     * Context assembly for the conversations of {@code tenant}; part of the conversations capability: it reads the
     * backend's own conversations, summaries, recall and memory blocks.
     */
    default ContextAssembler contextAssembler(String tenant) {
        throw unsupported(Capability.CONVERSATIONS);
    }

    /** The run checkpoints of {@code tenant}. */
    default CheckpointRepository checkpoints(String tenant) {
        throw unsupported(Capability.CHECKPOINTS);
    }

    /** The memory blocks of {@code tenant}. */
    default MemoryBlockRepository memoryBlocks(String tenant) {
        throw unsupported(Capability.MEMORY_BLOCKS);
    }

    /** Agent definitions and channel defaults of {@code tenant}. */
    default AgentRepository agents(String tenant) {
        throw unsupported(Capability.AGENTS);
    }

    /** API usage of {@code tenant}. */
    default ApiUsageRepository apiUsage(String tenant) {
        throw unsupported(Capability.API_USAGE);
    }

    /** Retention of API usage across all tenants: whole UTC months at a time. */
    default MonthlyRetention apiUsageRetention() {
        throw unsupported(Capability.API_USAGE);
    }

    /** The error log of {@code tenant}. */
    default ErrorLogRepository errorLog(String tenant) {
        throw unsupported(Capability.ERROR_LOG);
    }

    /** Retention of the error log across all tenants: whole UTC months at a time. */
    default MonthlyRetention errorLogRetention() {
        throw unsupported(Capability.ERROR_LOG);
    }

    /** The audit log of {@code tenant}; it must offer no way to change or delete entries. */
    default AuditLog auditLog(String tenant) {
        throw unsupported(Capability.AUDIT_LOG);
    }

    /** Retention of the audit log across all tenants: whole UTC months at a time. */
    default MonthlyRetention auditLogRetention() {
        throw unsupported(Capability.AUDIT_LOG);
    }

    /** Models of {@code tenant}. */
    default ModelRepository models(String tenant) {
        throw unsupported(Capability.MODELS);
    }

    /** Metrics of {@code tenant}. */
    default MetricsRepository metrics(String tenant) {
        throw unsupported(Capability.METRICS);
    }

    /** Retention of raw metrics across all tenants: whole UTC months at a time. */
    default MetricsRetention metricsRetention() {
        throw unsupported(Capability.METRICS);
    }

    /** Security storage of {@code tenant}; the rules sit on top of it in core. */
    default SecurityStore security(String tenant) {
        throw unsupported(Capability.SECURITY);
    }

    /** Vector collections of {@code tenant}. */
    default VectorRepository vectors(String tenant) {
        throw unsupported(Capability.VECTORS);
    }

    /** Response cache of {@code tenant}. */
    default ResponseCache responseCache(String tenant) {
        throw unsupported(Capability.RESPONSE_CACHE);
    }

    /** Session cache of {@code tenant}. */
    default SessionCache sessions(String tenant) {
        throw unsupported(Capability.SESSIONS);
    }

    /** Rate limiter of {@code tenant}. */
    default RateLimiter rateLimits(String tenant) {
        throw unsupported(Capability.RATE_LIMITS);
    }

    /** Presence of {@code tenant}. */
    default Presence presence(String tenant) {
        throw unsupported(Capability.PRESENCE);
    }

    /** Feature flags of {@code tenant}. */
    default FeatureFlags featureFlags(String tenant) {
        throw unsupported(Capability.FEATURE_FLAGS);
    }

    /** The recent-messages cache of {@code tenant}, which core puts in front of the conversations backend. */
    default RecentMessagesCache recentMessages(String tenant) {
        throw unsupported(Capability.CONTEXT_CACHE);
    }

    /**
     * This backend with its reads answered as {@code consistency} says, for a store view of that consistency (never
     * called with {@link Consistency#DEFAULT}, which is the backend itself). A backend without read replicas returns
     * itself, as this default does: its reads see every committed write already.
     */
    default StoreBackend withConsistency(Consistency consistency) {
        return this;
    }

    /** Applies schema migrations; a no-op for backends without a schema. */
    default void migrate() {}

    /** "up", or "down: " and a reason without secrets. */
    String health();

    /**
     * What this backend can tell about its state beside {@link #health()} without being down (each read replica in
     * use or skipped, and why), by name; each value a line without secrets. Reported in {@link
     * dev.agentstore.Health#details()} as the provider id, a dot and the name. None by default.
     */
    default Map<String, String> healthDetails() {
        return Map.of();
    }

    /** Releases connections; further calls fail. */
    @Override
    void close();

    private static UnsupportedCapabilityException unsupported(Capability capability) {
        return new UnsupportedCapabilityException("this backend does not serve " + capability);
    }
}

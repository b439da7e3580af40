package dev.agentstore.spring.boot;

import dev.agentstore.AgentStore;
import dev.agentstore.AgentStoreBuilder;
import dev.agentstore.StoreConfig;
import dev.agentstore.agent.AgentRepository;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.block.MemoryBlockRepository;
import dev.agentstore.cache.ResponseCache;
import dev.agentstore.checkpoint.CheckpointRepository;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.SummaryRepository;
import dev.agentstore.errorlog.ErrorLogRepository;
import dev.agentstore.feedback.FeedbackRepository;
import dev.agentstore.metrics.MetricsRepository;
import dev.agentstore.model.ModelRepository;
import dev.agentstore.run.RunRepository;
import dev.agentstore.security.SecurityRepository;
import dev.agentstore.spring.boot.internal.EnvironmentStoreConfig;
import dev.agentstore.state.FeatureFlags;
import dev.agentstore.state.Presence;
import dev.agentstore.state.RateLimiter;
import dev.agentstore.state.SessionCache;
import dev.agentstore.usage.ApiUsageRepository;
import dev.agentstore.vector.VectorRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Opens one {@link AgentStore} for the application and exposes its repositories as beans, all scoped to the
 * configured default tenant.
 *
 * <p>The store's settings are the {@code agentstore.*} application properties, with the keys of
 * {@link StoreConfig} ({@code agentstore.postgres.url}, {@code agentstore.redis.url},
 * {@code agentstore.security.lockout-after}, ...) in any relaxed spelling, and the {@code AGENTSTORE_*} environment
 * variables; with none set, everything runs in memory. The store is closed when the context closes.
 *
 * <p>Every bean backs off when the application defines its own: a {@link StoreConfig} bean replaces the
 * properties, an {@link AgentStore} bean replaces the store (and is then closed by whoever created it), a
 * repository bean replaces that repository. Other tenants are reached through {@link AgentStore#forTenant}.
 */
@AutoConfiguration
public class AgentstoreAutoConfiguration {
    /** Creates the auto-configuration; Spring Boot does this. */
    public AgentstoreAutoConfiguration() {}

    /** The store's settings: the {@code agentstore.*} properties and {@code AGENTSTORE_*} variables. */
    @Bean
    @ConditionalOnMissingBean
    public StoreConfig agentstoreConfig(ConfigurableEnvironment environment) {
        return EnvironmentStoreConfig.read(environment);
    }

    /**
     * The store, migrated on open unless {@code agentstore.migrate-on-open=false}, opened after every
     * {@link AgentstoreBuilderCustomizer} bean has adjusted its builder (the application's meter registry, for one).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public AgentStore agentStore(
            StoreConfig agentstoreConfig, ObjectProvider<AgentstoreBuilderCustomizer> customizers) {
        AgentStoreBuilder builder = AgentStore.builder(agentstoreConfig);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.open();
    }

    /** Users, sessions, conversations and messages. */
    @Bean
    @ConditionalOnMissingBean
    public ConversationRepository agentstoreConversations(AgentStore store) {
        return store.conversations();
    }

    /** Agent runs and their steps. */
    @Bean
    @ConditionalOnMissingBean
    public RunRepository agentstoreRuns(AgentStore store) {
        return store.runs();
    }

    /** Feedback on messages and runs. */
    @Bean
    @ConditionalOnMissingBean
    public FeedbackRepository agentstoreFeedback(AgentStore store) {
        return store.feedback();
    }

    /** Agent definitions. */
    @Bean
    @ConditionalOnMissingBean
    public AgentRepository agentstoreAgents(AgentStore store) {
        return store.agents();
    }

    /** Conversation summaries and what each covers. */
    @Bean
    @ConditionalOnMissingBean
    public SummaryRepository agentstoreSummaries(AgentStore store) {
        return store.summaries();
    }

    /** Run checkpoints to resume or fork agent threads. */
    @Bean
    @ConditionalOnMissingBean
    public CheckpointRepository agentstoreCheckpoints(AgentStore store) {
        return store.checkpoints();
    }

    /** Memory blocks agents keep in their prompts. */
    @Bean
    @ConditionalOnMissingBean
    public MemoryBlockRepository agentstoreMemoryBlocks(AgentStore store) {
        return store.memoryBlocks();
    }

    /** Models and their prices. */
    @Bean
    @ConditionalOnMissingBean
    public ModelRepository agentstoreModels(AgentStore store) {
        return store.models();
    }

    /** Metrics. */
    @Bean
    @ConditionalOnMissingBean
    public MetricsRepository agentstoreMetrics(AgentStore store) {
        return store.metrics();
    }

    /** API usage. */
    @Bean
    @ConditionalOnMissingBean
    public ApiUsageRepository agentstoreApiUsage(AgentStore store) {
        return store.apiUsage();
    }

    /** The error log. */
    @Bean
    @ConditionalOnMissingBean
    public ErrorLogRepository agentstoreErrorLog(AgentStore store) {
        return store.errorLog();
    }

    /** The audit log. */
    @Bean
    @ConditionalOnMissingBean
    public AuditLog agentstoreAuditLog(AgentStore store) {
        return store.auditLog();
    }

    /** Credentials, logins, TOTP, reset tokens, API keys and the security log. */
    @Bean
    @ConditionalOnMissingBean
    public SecurityRepository agentstoreSecurity(AgentStore store) {
        return store.security();
    }

    /** Vector collections and search. */
    @Bean
    @ConditionalOnMissingBean
    public VectorRepository agentstoreVectors(AgentStore store) {
        return store.vectors();
    }

    /** Cached model responses. */
    @Bean
    @ConditionalOnMissingBean
    public ResponseCache agentstoreResponseCache(AgentStore store) {
        return store.responseCache();
    }

    /** The session cache. */
    @Bean
    @ConditionalOnMissingBean
    public SessionCache agentstoreSessions(AgentStore store) {
        return store.sessions();
    }

    /** Rate limits. */
    @Bean
    @ConditionalOnMissingBean
    public RateLimiter agentstoreRateLimits(AgentStore store) {
        return store.rateLimits();
    }

    /** Presence. */
    @Bean
    @ConditionalOnMissingBean
    public Presence agentstorePresence(AgentStore store) {
        return store.presence();
    }

    /** Feature flags and A/B variants. */
    @Bean
    @ConditionalOnMissingBean
    public FeatureFlags agentstoreFeatureFlags(AgentStore store) {
        return store.featureFlags();
    }
}

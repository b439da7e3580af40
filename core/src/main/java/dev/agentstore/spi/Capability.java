package dev.agentstore.spi;

/** What a backend can serve; each maps to one accessor of {@link dev.agentstore.AgentStore}. */
public enum Capability {
    /** {@link dev.agentstore.AgentStore#conversations()}. */
    CONVERSATIONS,
    /** {@link dev.agentstore.AgentStore#runs()}. */
    RUNS,
    /** {@link dev.agentstore.AgentStore#feedback()}. */
    FEEDBACK,
    /** {@link dev.agentstore.AgentStore#agents()}. */
    AGENTS,
    /** {@link dev.agentstore.AgentStore#memoryBlocks()}. */
    MEMORY_BLOCKS,
    /** {@link dev.agentstore.AgentStore#checkpoints()}. */
    CHECKPOINTS,
    /** {@link dev.agentstore.AgentStore#apiUsage()}. */
    API_USAGE,
    /** {@link dev.agentstore.AgentStore#errorLog()}. */
    ERROR_LOG,
    /** {@link dev.agentstore.AgentStore#auditLog()}. */
    AUDIT_LOG,
    /** {@link dev.agentstore.AgentStore#models()}. */
    MODELS,
    /** {@link dev.agentstore.AgentStore#metrics()}. */
    METRICS,
    /** {@link dev.agentstore.AgentStore#security()}, through {@link SecurityStore}. */
    SECURITY,
    /** {@link dev.agentstore.AgentStore#vectors()}. */
    VECTORS,
    /** {@link dev.agentstore.AgentStore#responseCache()}. */
    RESPONSE_CACHE,
    /** {@link dev.agentstore.AgentStore#sessions()}. */
    SESSIONS,
    /** {@link dev.agentstore.AgentStore#rateLimits()}. */
    RATE_LIMITS,
    /** {@link dev.agentstore.AgentStore#presence()}. */
    PRESENCE,
    /** {@link dev.agentstore.AgentStore#featureFlags()}. */
    FEATURE_FLAGS,
    /**
     * A {@link RecentMessagesCache} in front of {@link dev.agentstore.AgentStore#conversations()}. Optional: with
     * no configured provider, conversations are read from their backend directly.
     */
    CONTEXT_CACHE;

    /** Whether a store works without a provider for this capability (no memory fallback is put in its place). */
    public boolean isOptional() {
        return this == CONTEXT_CACHE;
    }

    /** The configuration key that names the provider for this capability, e.g. {@code provider.vectors}. */
    public String configKey() {
        return "provider." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

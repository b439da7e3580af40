package dev.agentstore.agent;

/** Where an agent definition is in its life. */
public enum AgentStatus {
    /** Being written; not offered to users. */
    DRAFT,
    /** Offered to users. */
    PUBLISHED,
    /** Kept for history; not offered. */
    ARCHIVED
}

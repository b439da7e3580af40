package dev.agentstore.agent;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored agent.
 *
 * @param id its id
 * @param spec what defines it
 * @param version 1 when defined, one more with every update; pass it to {@link AgentRepository#update}
 * @param createdAt when it was defined
 * @param updatedAt when it last changed
 */
public record AgentDefinition(UUID id, AgentSpec spec, long version, Instant createdAt, Instant updatedAt) {}

package dev.agentstore.agent;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import java.util.Optional;
import java.util.UUID;

/**
 * Agent definitions and channel defaults of one tenant. Thread-safe. An agent's name is unique per owner
 * ({@link dev.agentstore.ConflictException} otherwise); an agent goes with its owner.
 */
public interface AgentRepository {
    /** Stores a new agent at version 1. Throws {@link dev.agentstore.NotFoundException} for an unknown owner. */
    AgentDefinition define(AgentSpec spec);

    /** The agent with this id. */
    Optional<AgentDefinition> find(UUID agentId);

    /** The owner's agent with this name. */
    Optional<AgentDefinition> findByName(UUID ownerId, String name);

    /**
     * Replaces an agent's spec if it is still at {@code expectedVersion}, else {@link dev.agentstore.ConflictException}
     * (someone changed it meanwhile); the owner cannot change.
     */
    AgentDefinition update(UUID agentId, long expectedVersion, AgentSpec spec);

    /**
     * Removes an agent.
     *
     * @return whether it existed
     */
    boolean delete(UUID agentId);

    /** The owner's agents, by name. */
    Page<AgentDefinition> listByOwner(UUID ownerId, PageRequest page);

    /** The agents anyone may use: public, active and published, by name. */
    Page<AgentDefinition> listPublic(PageRequest page);

    /** Sets (replaces) a channel's defaults. */
    ChannelDefaults setChannelDefaults(ChannelDefaults defaults);

    /** A channel's defaults. */
    Optional<ChannelDefaults> channelDefaults(String channel);
}

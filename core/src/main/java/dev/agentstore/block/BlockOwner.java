package dev.agentstore.block;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;
import java.util.UUID;

/**
 * Whose a memory block is: one agent's, one user's (what the agents know about them), or shared, attached to any
 * number of agents. Labels are unique per owner.
 *
 * @param kind agent, user or shared
 * @param id the agent's or user's id; null for a shared block
 */
public record BlockOwner(Kind kind, UUID id) {
    /** The kinds of owner. */
    public enum Kind {
        /** One agent's block. */
        AGENT,
        /** One user's block. */
        USER,
        /** A block attached to agents, owned by none. */
        SHARED
    }

    /** The single shared owner. */
    private static final BlockOwner SHARED = new BlockOwner(Kind.SHARED, null);

    /** Checks that an agent or user owner has an id and a shared one has none. */
    public BlockOwner {
        Check.present("owner.kind", kind);
        if (kind == Kind.SHARED && id != null) {
            throw new InvalidInputException("owner.id", "must be null for a shared block");
        }
        if (kind != Kind.SHARED) {
            Check.id("owner.id", id);
        }
    }

    /** The block of agent {@code agentId}. */
    public static BlockOwner agent(UUID agentId) {
        return new BlockOwner(Kind.AGENT, agentId);
    }

    /** The block of user {@code userId}. */
    public static BlockOwner user(UUID userId) {
        return new BlockOwner(Kind.USER, userId);
    }

    /** A shared block, attached to agents with {@link MemoryBlockRepository#attach}. */
    public static BlockOwner shared() {
        return SHARED;
    }
}

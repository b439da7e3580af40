package dev.agentstore.recall;

import dev.agentstore.internal.Check;
import java.util.UUID;

/**
 * Who opted into recall: a user (the messages of every conversation of theirs) or an agent (the messages of every
 * conversation it takes part in). A message can be embedded when its conversation's user or agent has opted in.
 *
 * @param kind user or agent
 * @param id the user's or agent's id
 */
public record RecallScope(Kind kind, UUID id) {
    /** The kinds of scope. */
    public enum Kind {
        /** One user's conversations. */
        USER,
        /** The conversations of one agent. */
        AGENT
    }

    /** Checks both components. */
    public RecallScope {
        Check.present("scope.kind", kind);
        Check.id("scope.id", id);
    }

    /** The conversations of user {@code userId}. */
    public static RecallScope user(UUID userId) {
        return new RecallScope(Kind.USER, userId);
    }

    /** The conversations of agent {@code agentId}. */
    public static RecallScope agent(UUID agentId) {
        return new RecallScope(Kind.AGENT, agentId);
    }
}

package dev.agentstore.conversation;

/** Lifecycle of a chat session. */
public enum SessionStatus {
    /** In use; {@link ConversationRepository#touchSession} moves its last-active time. */
    ACTIVE,
    /** Ended by {@link ConversationRepository#endSession}; touching it is a conflict. */
    ENDED
}

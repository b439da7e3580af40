package dev.agentstore.conversation;

/** Lifecycle of a conversation. */
public enum ConversationStatus {
    /** Open for new messages. */
    ACTIVE,
    /** Kept and readable, still accepts messages, hidden from default listings by callers that filter on ACTIVE. */
    ARCHIVED,
    /** Soft-deleted: readable until erased, refuses new messages with {@link dev.agentstore.ConflictException}. */
    DELETED
}

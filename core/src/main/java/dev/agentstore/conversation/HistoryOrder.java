package dev.agentstore.conversation;

/** Which way {@link ConversationRepository#history} walks a conversation. */
public enum HistoryOrder {
    /** From the first message forward. */
    OLDEST_FIRST,
    /** From the newest message backward. */
    NEWEST_FIRST
}

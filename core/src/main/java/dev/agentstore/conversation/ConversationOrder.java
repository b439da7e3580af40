package dev.agentstore.conversation;

/** The order {@link ConversationRepository#listConversations(ConversationQuery, dev.agentstore.PageRequest)} lists in. */
public enum ConversationOrder {
    /** Most recently created first. */
    NEWEST_FIRST,
    /**
     * Most recent activity first ({@link Conversation#lastActivityAt}): a "recent chats" list, where a conversation
     * moves to the top with every message appended to it.
     */
    RECENT_ACTIVITY
}

package dev.agentstore.conversation;

/**
 * What one {@link ConversationRepository#applyRetention} run removed.
 *
 * @param conversationsPurged soft-deleted conversations purged, with everything they held
 * @param conversationsExpired conversations removed whole because they were inactive for longer than messages are
 *     kept
 * @param messagesRemoved messages removed, those of purged and expired conversations included
 * @param appendKeysRemoved idempotency keys removed because they outlived {@code conversations.idempotency-key-ttl}
 */
public record ConversationRetentionReport(
        long conversationsPurged, long conversationsExpired, long messagesRemoved, long appendKeysRemoved) {
    /** A run that removed nothing. */
    public static final ConversationRetentionReport NOTHING = new ConversationRetentionReport(0, 0, 0, 0);

    /** This report and {@code other} added up (runs over several tenants). */
    public ConversationRetentionReport plus(ConversationRetentionReport other) {
        return new ConversationRetentionReport(
                conversationsPurged + other.conversationsPurged,
                conversationsExpired + other.conversationsExpired,
                messagesRemoved + other.messagesRemoved,
                appendKeysRemoved + other.appendKeysRemoved);
    }
}

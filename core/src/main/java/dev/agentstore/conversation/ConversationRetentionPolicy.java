package dev.agentstore.conversation;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;
import java.time.Duration;

/**
 * What {@link ConversationRepository#applyRetention} removes from a tenant's conversations, and in batches of what
 * size. Start from {@link #defaults()}: soft-deleted conversations purged 30 days after their deletion, messages kept
 * for ever, batches of 1,000 rows.
 *
 * @param purgeDeletedAfter how long a {@link ConversationStatus#DELETED} conversation stays restorable: once deleted
 *     this long or longer, it is purged with everything it holds (zero purges every deleted conversation)
 * @param keepMessagesFor how long messages are kept: older messages are removed, and conversations inactive for
 *     longer ({@link Conversation#lastActivityAt}) are removed whole; null keeps them for ever
 * @param batchSize the most rows one batch (one short transaction) removes, 1 to 10,000
 */
public record ConversationRetentionPolicy(Duration purgeDeletedAfter, Duration keepMessagesFor, int batchSize) {
    /** The most rows one batch may remove. */
    public static final int MAX_BATCH_SIZE = 10_000;

    /** Checks every component. */
    public ConversationRetentionPolicy {
        nonNegative("policy.purgeDeletedAfter", Check.present("policy.purgeDeletedAfter", purgeDeletedAfter));
        if (keepMessagesFor != null) {
            nonNegative("policy.keepMessagesFor", keepMessagesFor);
        }
        Check.range("policy.batchSize", batchSize, 1, MAX_BATCH_SIZE);
    }

    /** Deleted conversations purged after 30 days, messages kept for ever, batches of 1,000 rows. */
    public static ConversationRetentionPolicy defaults() {
        return new ConversationRetentionPolicy(Duration.ofDays(30), null, 1_000);
    }

    /** This policy purging deleted conversations once deleted for {@code age}. */
    public ConversationRetentionPolicy purgingDeletedAfter(Duration age) {
        return new ConversationRetentionPolicy(age, keepMessagesFor, batchSize);
    }

    /** This policy keeping messages for {@code age}; null keeps them for ever. */
    public ConversationRetentionPolicy keepingMessagesFor(Duration age) {
        return new ConversationRetentionPolicy(purgeDeletedAfter, age, batchSize);
    }

    /** This policy removing at most {@code rows} rows per batch. */
    public ConversationRetentionPolicy inBatchesOf(int rows) {
        return new ConversationRetentionPolicy(purgeDeletedAfter, keepMessagesFor, rows);
    }

    private static void nonNegative(String field, Duration age) {
        if (age.isNegative()) {
            throw new InvalidInputException(field, "must not be negative, but was " + age);
        }
    }
}

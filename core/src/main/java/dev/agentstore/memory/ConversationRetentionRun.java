package dev.agentstore.memory;

import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRetentionPolicy;
import dev.agentstore.conversation.ConversationRetentionReport;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.conversation.Message;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One retention run over a tenant's in-memory conversations, with the rules PostgreSQL's batches follow: a deleted
 * conversation is purged once deleted for the policy's age or longer; with messages kept for an age, a conversation
 * inactive since before that is removed whole and the others lose their messages appended before it; idempotency keys
 * past their time to live go. Runs under the conversations' lock, so batches make no difference here.
 */
final class ConversationRetentionRun {
    private final Map<UUID, Conversation> conversations;
    private final MessageLog log;
    private final AppendKeys appendKeys;
    private final RemovalListeners removals;
    private long purged;
    private long expired;
    private long messages;

    ConversationRetentionRun(
            Map<UUID, Conversation> conversations, MessageLog log, AppendKeys appendKeys, RemovalListeners removals) {
        this.conversations = conversations;
        this.log = log;
        this.appendKeys = appendKeys;
        this.removals = removals;
    }

    ConversationRetentionReport apply(ConversationRetentionPolicy policy, Instant now) {
        Instant purgeBefore = now.minus(policy.purgeDeletedAfter());
        for (Conversation c : List.copyOf(conversations.values())) {
            if (c.status() == ConversationStatus.DELETED && !c.deletedAt().isAfter(purgeBefore)) {
                remove(c.id());
                purged++;
            }
        }
        if (policy.keepMessagesFor() != null) {
            Instant cutoff = now.minus(policy.keepMessagesFor());
            for (Conversation c : List.copyOf(conversations.values())) {
                if (c.lastActivityAt().isBefore(cutoff)) {
                    remove(c.id());
                    expired++;
                } else {
                    List<Message> old = log.removeOlderThan(c.id(), cutoff);
                    if (!old.isEmpty()) {
                        messages += old.size();
                        removals.messagesRemoved(old.stream().map(Message::id).collect(Collectors.toSet()));
                    }
                }
            }
        }
        return new ConversationRetentionReport(purged, expired, messages, appendKeys.removeExpired(now));
    }

    private void remove(UUID conversationId) {
        messages += log.storedCount(conversationId);
        log.remove(conversationId);
        appendKeys.forget(conversationId);
        removals.conversationDeleted(conversationId);
        conversations.remove(conversationId);
    }
}

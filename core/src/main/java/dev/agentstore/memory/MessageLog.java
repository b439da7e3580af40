package dev.agentstore.memory;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.ImportedMessage;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageSearchHit;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.spi.Cursors;
import dev.agentstore.spi.Ids;
import dev.agentstore.spi.Pages;
import dev.agentstore.spi.StoredMessages;
import dev.agentstore.spi.TextMatch;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The messages of each conversation in sequence order, and the last sequence each has used: retention may remove a
 * conversation's oldest messages, and numbering goes on after the last one ever appended. Not thread-safe: {@link
 * InMemoryConversationRepository} calls it under its own lock, so a conversation and its messages always change
 * together.
 */
final class MessageLog {
    private final Map<UUID, MessageThread> byConversation = new HashMap<>();

    void open(UUID conversationId, Instant createdAt) {
        byConversation.put(conversationId, new MessageThread(conversationId, createdAt));
    }

    void remove(UUID conversationId) {
        byConversation.remove(conversationId);
    }

    /** The conversation's messages, tombstones and other branches too; null for an unknown conversation. */
    MessageThread thread(UUID conversationId) {
        return byConversation.get(conversationId);
    }

    /** The current branch's messages without tombstones, oldest first; empty for an unknown conversation. */
    List<Message> all(UUID conversationId) {
        MessageThread thread = byConversation.get(conversationId);
        return thread == null ? List.of() : thread.live();
    }

    /** How many messages the conversation stores, in every branch, tombstones too. */
    int storedCount(UUID conversationId) {
        MessageThread thread = byConversation.get(conversationId);
        return thread == null ? 0 : thread.storedCount();
    }

    /** The sequence of the last message ever appended to the conversation, 0 before the first. */
    long lastSequence(UUID conversationId) {
        MessageThread thread = byConversation.get(conversationId);
        return thread == null ? 0 : thread.lastSequence();
    }

    /** Appends the batch to the current branch after the last sequence, all stamped with the same time. */
    List<Message> append(UUID conversationId, List<NewMessage> batch, Clock clock) {
        MessageThread thread = byConversation.get(conversationId);
        Instant now = clock.instant();
        List<Message> appended = new ArrayList<>(batch.size());
        for (NewMessage m : batch) {
            long sequence = thread.lastSequence() + appended.size() + 1L;
            appended.add(StoredMessages.of(m, Ids.newId(clock), conversationId, sequence, now));
        }
        thread.append(appended);
        return appended;
    }

    /** Opens an imported conversation with its messages at sequences 1, 2, ...; returns how many. */
    int openImported(UUID conversationId, Instant createdAt, List<ImportedMessage> imported) {
        MessageThread thread = new MessageThread(conversationId, createdAt);
        List<Message> messages = new ArrayList<>(imported.size());
        for (ImportedMessage m : imported) {
            messages.add(StoredMessages.of(m.message(), m.id(), conversationId, messages.size() + 1L, m.createdAt()));
        }
        thread.append(messages);
        byConversation.put(conversationId, thread);
        return imported.size();
    }

    /** Whether any conversation holds a message with this id. */
    boolean holdsMessage(UUID messageId) {
        return byConversation.values().stream().anyMatch(thread -> thread.holds(messageId));
    }

    /** Removes the conversation's messages appended before {@code cutoff}, in every branch; returns them. */
    List<Message> removeOlderThan(UUID conversationId, Instant cutoff) {
        return byConversation.get(conversationId).removeOlderThan(cutoff);
    }

    /** A keyset page of the current branch: the cursor is the sequence of the last message returned. */
    Page<Message> page(UUID conversationId, HistoryOrder order, PageRequest page) {
        return page(all(conversationId), order, page);
    }

    /** A keyset page of {@code messages}: the cursor is the sequence of the last message returned, as in SQL. */
    static Page<Message> page(List<Message> messages, HistoryOrder order, PageRequest page) {
        boolean forward = order == HistoryOrder.OLDEST_FIRST;
        long after = page.cursor() == null ? (forward ? 0 : Long.MAX_VALUE) : Cursors.decodeLong(page.cursor());
        List<Message> slice = new ArrayList<>();
        if (forward) {
            for (int i = indexAbove(messages, after); i < messages.size() && slice.size() <= page.limit(); i++) {
                slice.add(messages.get(i));
            }
        } else {
            for (int i = indexAbove(messages, after - 1) - 1; i >= 0 && slice.size() <= page.limit(); i--) {
                slice.add(messages.get(i));
            }
        }
        return Pages.of(slice, page.limit(), m -> Long.toString(m.sequence()));
    }

    /** The index of the first message whose sequence is above {@code sequence} (the size if there is none). */
    private static int indexAbove(List<Message> messages, long sequence) {
        int low = 0;
        int high = messages.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (messages.get(middle).sequence() <= sequence) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The last {@code count} messages, oldest first. */
    List<Message> last(UUID conversationId, int count) {
        List<Message> messages = all(conversationId);
        return List.copyOf(messages.subList(Math.max(0, messages.size() - count), messages.size()));
    }

    /** The messages of {@code conversationIds} holding the query's words, best first, then newest first. */
    List<MessageSearchHit> search(List<UUID> conversationIds, String query, int limit) {
        List<String> words = TextMatch.words(query);
        List<MessageSearchHit> hits = new ArrayList<>();
        for (UUID conversationId : conversationIds) {
            for (Message m : all(conversationId)) {
                double score = TextMatch.score(words, m.content());
                if (score > 0) {
                    hits.add(new MessageSearchHit(m, score));
                }
            }
        }
        hits.sort(Comparator.comparingDouble(MessageSearchHit::score)
                .reversed()
                .thenComparing(h -> h.message().id(), Comparator.reverseOrder()));
        return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
    }
}

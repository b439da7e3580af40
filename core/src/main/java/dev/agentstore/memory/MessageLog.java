package dev.agentstore.memory;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.HistoryOrder;
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
 * The messages of each conversation in sequence order. Not thread-safe: {@link InMemoryConversationRepository}
 * calls it under its own lock, so a conversation and its messages always change together.
 */
final class MessageLog {
    private final Map<UUID, List<Message>> byConversation = new HashMap<>();

    void open(UUID conversationId) {
        byConversation.put(conversationId, new ArrayList<>());
    }

    void remove(UUID conversationId) {
        byConversation.remove(conversationId);
    }

    /** The conversation's messages, oldest first; empty for an unknown conversation. */
    List<Message> all(UUID conversationId) {
        return byConversation.getOrDefault(conversationId, List.of());
    }

    /** Appends the batch with consecutive sequences after the last one, all stamped with the same time. */
    List<Message> append(UUID conversationId, List<NewMessage> batch, Clock clock) {
        List<Message> messages = byConversation.get(conversationId);
        Instant now = clock.instant();
        List<Message> appended = new ArrayList<>(batch.size());
        for (NewMessage m : batch) {
            long sequence = messages.size() + appended.size() + 1L;
            appended.add(StoredMessages.of(m, Ids.newId(clock), conversationId, sequence, now));
        }
        messages.addAll(appended);
        return appended;
    }

    /** A keyset page: the cursor is the sequence of the last message returned, as in the SQL backends. */
    Page<Message> page(UUID conversationId, HistoryOrder order, PageRequest page) {
        List<Message> messages = all(conversationId);
        long after = page.cursor() == null
                ? (order == HistoryOrder.OLDEST_FIRST ? 0 : Long.MAX_VALUE)
                : Cursors.decodeLong(page.cursor());
        List<Message> slice = new ArrayList<>();
        if (order == HistoryOrder.OLDEST_FIRST) {
            for (int i = (int) Math.min(after, messages.size());
                    i < messages.size() && slice.size() <= page.limit();
                    i++) {
                slice.add(messages.get(i));
            }
        } else {
            for (int i = (int) Math.min(after - 1, messages.size()) - 1; i >= 0 && slice.size() <= page.limit(); i--) {
                slice.add(messages.get(i));
            }
        }
        return Pages.of(slice, page.limit(), m -> Long.toString(m.sequence()));
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

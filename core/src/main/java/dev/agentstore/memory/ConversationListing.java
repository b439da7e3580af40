package dev.agentstore.memory;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationOrder;
import dev.agentstore.conversation.ConversationQuery;
import dev.agentstore.spi.ConversationCursors;
import dev.agentstore.spi.Cursors;
import dev.agentstore.spi.Pages;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** Keyset pages of conversations for a {@link ConversationQuery}, in the order PostgreSQL's indexes give. */
final class ConversationListing {
    private static final Comparator<Conversation> NEWEST =
            Comparator.comparing(Conversation::id).reversed();
    private static final Comparator<Conversation> RECENT = Comparator.comparing(Conversation::lastActivityAt)
            .thenComparing(Conversation::id)
            .reversed();

    private ConversationListing() {}

    static Page<Conversation> page(Collection<Conversation> conversations, ConversationQuery query, PageRequest page) {
        boolean recent = query.order() == ConversationOrder.RECENT_ACTIVITY;
        Comparator<Conversation> order = recent ? RECENT : NEWEST;
        Predicate<Conversation> afterCursor = afterCursor(page.cursor(), recent);
        List<Conversation> rows = conversations.stream()
                .filter(c -> matches(c, query))
                .filter(afterCursor)
                .sorted(order)
                .limit(page.limit() + 1L)
                .toList();
        return Pages.of(rows, page.limit(), c -> recent ? ConversationCursors.activity(c) : c.id().toString());
    }

    private static boolean matches(Conversation c, ConversationQuery q) {
        return (q.userId() == null || q.userId().equals(c.userId()))
                && (q.agentId() == null || q.agentId().equals(c.agentId()))
                && (q.status() == null || q.status() == c.status())
                && (q.metadata() == null || q.metadata().test(c.metadata()));
    }

    /** Those after the page's cursor in {@code order}: the cursor is the last conversation's position. */
    private static Predicate<Conversation> afterCursor(String cursor, boolean recent) {
        if (cursor == null) {
            return c -> true;
        }
        if (recent) {
            ConversationCursors.ActivityPosition last = ConversationCursors.decodeActivity(cursor);
            return c -> c.lastActivityAt().compareTo(last.lastActivityAt()) < 0
                    || (c.lastActivityAt().equals(last.lastActivityAt()) && c.id().compareTo(last.id()) < 0);
        }
        UUID last = Cursors.decodeUuid(cursor);
        return c -> c.id().compareTo(last) < 0;
    }
}

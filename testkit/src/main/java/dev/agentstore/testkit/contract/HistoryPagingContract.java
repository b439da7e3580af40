package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** History: keyset paging in both directions, its edge cases, and the last N messages. */
public abstract class HistoryPagingContract extends ConversationContractBase {
    @Test
    void should_return_the_last_messages_oldest_first() {
        Conversation c = conversation();
        appendNumbered(c.id(), 30);
        assertThat(repo().lastMessages(c.id(), 3)).extracting(Message::content).containsExactly("m28", "m29", "m30");
        assertThat(repo().lastMessages(c.id(), 100)).hasSize(30);
    }

    @Test
    void should_page_history_oldest_first_without_gaps_or_repeats() {
        Conversation c = conversation();
        appendNumbered(c.id(), 25);
        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(10);
        int pages = 0;
        while (request != null) {
            Page<Message> page = repo().history(c.id(), HistoryOrder.OLDEST_FIRST, request);
            page.items().forEach(m -> seen.add(m.content()));
            request = page.nextRequest(request).orElse(null);
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 25).mapToObj(i -> "m" + i).toList());
    }

    @Test
    void should_page_history_newest_first() {
        Conversation c = conversation();
        appendNumbered(c.id(), 7);
        Page<Message> first = repo().history(c.id(), HistoryOrder.NEWEST_FIRST, PageRequest.first(3));
        assertThat(first.items()).extracting(Message::content).containsExactly("m7", "m6", "m5");
        Page<Message> second =
                repo().history(c.id(), HistoryOrder.NEWEST_FIRST, PageRequest.after(first.nextCursor(), 3));
        assertThat(second.items()).extracting(Message::content).containsExactly("m4", "m3", "m2");
        Page<Message> third =
                repo().history(c.id(), HistoryOrder.NEWEST_FIRST, PageRequest.after(second.nextCursor(), 3));
        assertThat(third.items()).extracting(Message::content).containsExactly("m1");
        assertThat(third.hasNext()).isFalse();
    }

    @Test
    void should_end_paging_exactly_at_a_full_last_page() {
        Conversation c = conversation();
        appendNumbered(c.id(), 4);
        Page<Message> first = repo().history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.first(2));
        Page<Message> second =
                repo().history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.after(first.nextCursor(), 2));
        assertThat(second.items()).hasSize(2);
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void should_return_an_empty_page_for_an_empty_conversation() {
        Page<Message> page = repo().history(conversation().id(), HistoryOrder.NEWEST_FIRST, PageRequest.first(10));
        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void should_reject_a_forged_cursor() {
        Conversation c = conversation();
        assertThatThrownBy(
                        () -> repo().history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.after("not-a-cursor!", 5)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void should_page_one_message_at_a_time() {
        Conversation c = conversation();
        appendNumbered(c.id(), 3);
        Page<Message> first = repo().history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.first(1));
        Page<Message> second =
                repo().history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.after(first.nextCursor(), 1));
        Page<Message> third =
                repo().history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.after(second.nextCursor(), 1));
        assertThat(List.of(first, second, third))
                .extracting(page -> page.items().get(0).content())
                .containsExactly("m1", "m2", "m3");
        assertThat(third.hasNext()).isFalse();
    }

    @Test
    void should_keep_a_cursor_valid_while_messages_arrive() {
        Conversation c = conversation();
        appendNumbered(c.id(), 4);
        Page<Message> first = repo().history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.first(3));
        repo().append(c.id(), NewMessage.assistant("late", 5));

        Page<Message> rest =
                repo().history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.after(first.nextCursor(), 10));

        assertThat(rest.items()).extracting(Message::content).containsExactly("m4", "late");
    }

    @Test
    void should_not_show_newer_messages_when_paging_backwards() {
        Conversation c = conversation();
        appendNumbered(c.id(), 4);
        Page<Message> first = repo().history(c.id(), HistoryOrder.NEWEST_FIRST, PageRequest.first(2));
        repo().append(c.id(), NewMessage.assistant("late", 5));

        Page<Message> older =
                repo().history(c.id(), HistoryOrder.NEWEST_FIRST, PageRequest.after(first.nextCursor(), 10));

        assertThat(first.items()).extracting(Message::content).containsExactly("m4", "m3");
        assertThat(older.items()).extracting(Message::content).containsExactly("m2", "m1");
    }

    @Test
    void should_reject_page_sizes_outside_1_to_1000() {
        assertThatThrownBy(() -> PageRequest.first(0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> PageRequest.first(1_001)).isInstanceOf(InvalidInputException.class);
        assertThat(PageRequest.first(1_000).limit()).isEqualTo(1_000);
    }

    @Test
    void should_return_at_most_the_messages_there_are() {
        Conversation c = conversation();
        appendNumbered(c.id(), 2);
        assertThat(repo().lastMessages(c.id(), 50)).extracting(Message::content).containsExactly("m1", "m2");
        assertThat(repo().lastMessages(conversation().id(), 5)).isEmpty();
    }
}

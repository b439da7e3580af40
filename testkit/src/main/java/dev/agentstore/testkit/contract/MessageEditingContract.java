package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageEdit;
import dev.agentstore.conversation.MessageRevision;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.ToolCall;
import dev.agentstore.feedback.NewFeedback;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Editing a message (its revisions kept with who and when), deleting one (a tombstone out of every read), and
 * truncating after one, with feedback and the conversation's other messages staying consistent.
 */
public abstract class MessageEditingContract extends ConversationContractBase {
    @Test
    void should_edit_a_message_and_keep_what_it_replaced_as_revisions() {
        Conversation c = conversation();
        List<Message> thread = appendNumbered(c.id(), 3);
        Message second = thread.get(1);
        Instant firstEdit = clock.instant();

        Message edited = repo().editMessage(c.id(), second.id(), new MessageEdit("m2, corrected", 12, "ann"));
        clock.advance(Duration.ofMinutes(1));
        Message again = repo().editMessage(c.id(), second.id(), new MessageEdit("m2, final", 9, "moderator"));

        assertThat(edited.content()).isEqualTo("m2, corrected");
        assertThat(edited.revision()).isEqualTo(1);
        assertThat(edited.editedAt()).isEqualTo(firstEdit);
        assertThat(again.id()).isEqualTo(second.id());
        assertThat(again.sequence()).isEqualTo(second.sequence());
        assertThat(again.createdAt()).isEqualTo(second.createdAt());
        assertThat(again.revision()).isEqualTo(2);
        assertThat(again.tokenCount()).isEqualTo(9);
        assertThat(repo().lastMessages(c.id(), 3)).containsExactly(thread.get(0), again, thread.get(2));
        assertThat(repo().revisions(c.id(), second.id()))
                .containsExactly(
                        new MessageRevision(second.id(), 0, "m2", 10, "ann", firstEdit),
                        new MessageRevision(second.id(), 1, "m2, corrected", 12, "moderator", clock.instant()));
        assertThat(repo().revisions(c.id(), thread.get(0).id())).isEmpty();
    }

    @Test
    void should_find_and_window_the_edited_text_only() {
        Conversation c = conversation();
        Message typo = repo().append(c.id(), NewMessage.user("plase help with kangaroo", 5));

        repo().editMessage(c.id(), typo.id(), new MessageEdit("please help with wombats", 5, "ann"));

        assertThat(repo().search(c.userId(), "wombats", 10)).hasSize(1);
        assertThat(repo().search(c.userId(), "kangaroo", 10)).isEmpty();
        assertThat(repo().contextWindow(c.id(), 100).messages())
                .extracting(Message::content)
                .containsExactly("please help with wombats");
    }

    @Test
    void should_refuse_a_bad_edit_and_change_nothing() {
        Conversation c = conversation();
        Message m = appendNumbered(c.id(), 1).get(0);

        assertThatThrownBy(() -> new MessageEdit("text", -1, "ann"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("edit.tokenCount");
        assertThatThrownBy(() -> new MessageEdit("text", 1, " "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("edit.editedBy");
        assertThatThrownBy(() -> repo().editMessage(c.id(), UUID.randomUUID(), new MessageEdit("x", 1, "ann")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> repo().editMessage(UUID.randomUUID(), m.id(), new MessageEdit("x", 1, "ann")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> repo().editMessage(c.id(), m.id(), null)).isInstanceOf(InvalidInputException.class);
        assertThat(repo().lastMessages(c.id(), 1)).containsExactly(m);
        assertThat(repo().revisions(c.id(), m.id())).isEmpty();
    }

    @Test
    void should_leave_a_tombstone_out_of_every_read() {
        Conversation c = conversation();
        List<Message> thread = appendNumbered(c.id(), 4);
        repo().editMessage(c.id(), thread.get(1).id(), new MessageEdit("m2 secret", 3, "ann"));

        assertThat(repo().deleteMessage(c.id(), thread.get(1).id())).isEqualTo(1);

        assertThat(contents(repo().lastMessages(c.id(), 10))).containsExactly("m1", "m3", "m4");
        assertThat(contents(repo().history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.first(10))
                        .items()))
                .containsExactly("m1", "m3", "m4");
        assertThat(contents(repo().contextWindow(c.id(), 1_000).messages())).containsExactly("m1", "m3", "m4");
        assertThat(contents(repo().memory(c.id()))).containsExactly("m1", "m3", "m4");
        assertThat(repo().search(c.userId(), "m2", 10)).isEmpty();
        assertThat(repo().search(c.userId(), "secret", 10)).isEmpty();
        assertThat(repo().revisions(c.id(), thread.get(1).id())).isEmpty();
        assertThatThrownBy(() -> repo().deleteMessage(c.id(), thread.get(1).id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> repo().editMessage(c.id(), thread.get(1).id(), new MessageEdit("x", 1, "ann")))
                .isInstanceOf(NotFoundException.class);
        Message next = repo().append(c.id(), NewMessage.user("m5", 1));
        assertThat(next.sequence()).isEqualTo(5);
    }

    @Test
    void should_page_over_tombstones() {
        Conversation c = conversation();
        List<Message> thread = appendNumbered(c.id(), 6);
        repo().deleteMessage(c.id(), thread.get(2).id());
        repo().deleteMessage(c.id(), thread.get(3).id());

        var first = repo().history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.first(2));
        var second = repo().history(
                        c.id(),
                        HistoryOrder.OLDEST_FIRST,
                        first.nextRequest(PageRequest.first(2)).orElseThrow());

        assertThat(contents(first.items())).containsExactly("m1", "m2");
        assertThat(contents(second.items())).containsExactly("m5", "m6");
    }

    @Test
    void should_delete_a_tool_exchange_whole() {
        Conversation c = conversation();
        List<Message> thread = repo().appendAll(
                        c.id(),
                        List.of(
                                NewMessage.user("weather in Oslo and Bergen?", 5),
                                NewMessage.assistant("", 3)
                                        .withToolCalls(List.of(
                                                new ToolCall("c1", "weather", "{\"city\":\"Oslo\"}"),
                                                new ToolCall("c2", "weather", "{\"city\":\"Bergen\"}"))),
                                NewMessage.tool("c1", "rain", 1),
                                NewMessage.tool("c2", "sun", 1),
                                NewMessage.assistant("Rain in Oslo, sun in Bergen.", 6)));

        assertThat(repo().deleteMessage(c.id(), thread.get(3).id())).isEqualTo(3);

        assertThat(contents(repo().lastMessages(c.id(), 10)))
                .containsExactly("weather in Oslo and Bergen?", "Rain in Oslo, sun in Bergen.");
    }

    @Test
    void should_truncate_after_a_message_in_one_step() {
        Conversation c = conversation();
        List<Message> thread = appendNumbered(c.id(), 5);

        assertThat(repo().truncateAfter(c.id(), thread.get(1).id())).isEqualTo(3);

        assertThat(contents(repo().lastMessages(c.id(), 10))).containsExactly("m1", "m2");
        assertThat(repo().contextWindow(c.id(), 1_000).totalTokens()).isEqualTo(20);
        assertThat(repo().truncateAfter(c.id(), thread.get(1).id())).isZero();
        Message answer = repo().append(c.id(), NewMessage.assistant("again", 1));
        assertThat(answer.sequence()).isEqualTo(6);
        assertThat(contents(repo().lastMessages(c.id(), 10))).containsExactly("m1", "m2", "again");
    }

    @Test
    void should_keep_feedback_on_edited_and_deleted_messages() {
        Conversation c = conversation();
        Message answer = repo().append(c.id(), NewMessage.assistant("an answer", 3));
        store.feedback().give(NewFeedback.onMessage(c.userId(), c.id(), answer.id(), 4));

        repo().editMessage(c.id(), answer.id(), new MessageEdit("a better answer", 4, "ann"));
        assertThat(store.feedback().find(c.userId(), c.id(), answer.id())).isPresent();
        repo().deleteMessage(c.id(), answer.id());

        assertThat(store.feedback().find(c.userId(), c.id(), answer.id())).isPresent();
    }

    @Test
    void should_refuse_changes_to_a_deleted_conversation() {
        Conversation c = conversation();
        Message m = appendNumbered(c.id(), 2).get(0);
        repo().updateConversation(c.id(), ConversationUpdate.expecting(1).status(ConversationStatus.DELETED));

        assertThatThrownBy(() -> repo().editMessage(c.id(), m.id(), new MessageEdit("x", 1, "ann")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> repo().deleteMessage(c.id(), m.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> repo().truncateAfter(c.id(), m.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void should_not_reach_another_tenants_message() {
        Conversation c = conversation();
        Message m = appendNumbered(c.id(), 1).get(0);
        var other = otherTenant().conversations();

        assertThatThrownBy(() -> other.editMessage(c.id(), m.id(), new MessageEdit("x", 1, "mallory")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.deleteMessage(c.id(), m.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.truncateAfter(c.id(), m.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.revisions(c.id(), m.id())).isInstanceOf(NotFoundException.class);
        assertThat(repo().lastMessages(c.id(), 1)).containsExactly(m);
    }

    static List<String> contents(List<Message> messages) {
        return messages.stream().map(Message::content).toList();
    }
}

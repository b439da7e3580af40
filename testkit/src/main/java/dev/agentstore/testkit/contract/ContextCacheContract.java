package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.NotFoundException;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationBranch;
import dev.agentstore.conversation.ConversationRetentionPolicy;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageEdit;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Conversations read through the recent-context cache give exactly what the source of truth holds. A backend's
 * test opens a store whose context cache is on with {@code context-cache-size=5}.
 */
public abstract class ContextCacheContract extends ConversationContractBase {
    @Test
    void should_see_every_append_in_the_last_messages() {
        Conversation c = conversation();
        appendNumbered(c.id(), 3);
        assertThat(contents(repo().lastMessages(c.id(), 2))).containsExactly("m2", "m3");

        repo().append(c.id(), NewMessage.assistant("a4", 4));
        repo().appendAll(c.id(), List.of(NewMessage.user("u5", 2), NewMessage.assistant("a6", 2)));

        assertThat(contents(repo().lastMessages(c.id(), 3))).containsExactly("a4", "u5", "a6");
        assertThat(contents(repo().lastMessages(c.id(), 10))).containsExactly("m1", "m2", "m3", "a4", "u5", "a6");
    }

    @Test
    void should_match_the_history_across_the_cache_capacity() {
        Conversation c = conversation();
        for (int i = 1; i <= 12; i++) {
            repo().append(c.id(), NewMessage.user("m" + i, 1));
            List<Message> newest = repo().history(c.id(), HistoryOrder.NEWEST_FIRST, PageRequest.first(4))
                    .items();
            assertThat(contents(repo().lastMessages(c.id(), 4)))
                    .containsExactlyElementsOf(contents(newest).reversed());
        }
    }

    @Test
    void should_see_every_edit_tombstone_and_branch_in_the_last_messages() {
        Conversation c = conversation();
        List<Message> thread = appendNumbered(c.id(), 4);
        repo().lastMessages(c.id(), 4);

        repo().editMessage(c.id(), thread.get(3).id(), new MessageEdit("m4 edited", 3, "ann"));
        assertThat(contents(repo().lastMessages(c.id(), 4))).containsExactly("m1", "m2", "m3", "m4 edited");

        repo().deleteMessage(c.id(), thread.get(2).id());
        assertThat(contents(repo().lastMessages(c.id(), 4))).containsExactly("m1", "m2", "m4 edited");

        repo().fork(c.id(), thread.get(0).id());
        assertThat(contents(repo().lastMessages(c.id(), 4))).containsExactly("m1");
        repo().append(c.id(), NewMessage.assistant("b2", 1));
        assertThat(contents(repo().lastMessages(c.id(), 4))).containsExactly("m1", "b2");
        repo().append(c.id(), NewMessage.assistant("b3", 1));
        assertThat(contents(repo().lastMessages(c.id(), 4))).containsExactly("m1", "b2", "b3");

        repo().switchBranch(c.id(), ConversationBranch.MAIN);
        assertThat(contents(repo().lastMessages(c.id(), 4))).containsExactly("m1", "m2", "m4 edited");

        repo().truncateAfter(c.id(), thread.get(0).id());
        assertThat(contents(repo().lastMessages(c.id(), 4))).containsExactly("m1");
    }

    @Test
    void should_forget_a_deleted_conversation() {
        Conversation c = conversation();
        appendNumbered(c.id(), 2);
        repo().lastMessages(c.id(), 2);

        repo().deleteConversation(c.id());

        assertThatThrownBy(() -> repo().lastMessages(c.id(), 2)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_forget_what_retention_removed() {
        Conversation quiet = conversation();
        Conversation live = conversation();
        appendNumbered(quiet.id(), 2);
        appendNumbered(live.id(), 3);
        repo().lastMessages(quiet.id(), 2);
        repo().lastMessages(live.id(), 3);
        clock.advance(Duration.ofDays(2));
        repo().append(live.id(), NewMessage.user("kept", 1));

        repo().applyRetention(ConversationRetentionPolicy.defaults().keepingMessagesFor(Duration.ofDays(1)));

        assertThat(contents(repo().lastMessages(live.id(), 5))).containsExactly("kept");
        assertThatThrownBy(() -> repo().lastMessages(quiet.id(), 2)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_forget_an_erased_users_conversations() {
        User user = user("erase-me-" + UUID.randomUUID());
        Conversation c = repo().createConversation(NewConversation.forUser(user.id()));
        appendNumbered(c.id(), 2);
        repo().lastMessages(c.id(), 2);

        repo().eraseUser(user.id());

        assertThatThrownBy(() -> repo().lastMessages(c.id(), 1)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_serve_an_empty_conversation_and_then_its_first_message() {
        Conversation c = conversation();
        assertThat(repo().lastMessages(c.id(), 3)).isEmpty();

        repo().append(c.id(), NewMessage.user("first", 1));

        assertThat(contents(repo().lastMessages(c.id(), 3))).containsExactly("first");
    }

    @Test
    void should_stay_exact_under_concurrent_appends_and_reads() throws Exception {
        Conversation c = conversation();
        List<String> stale = new ArrayList<>();
        Concurrently.run(4, worker -> {
            for (int i = 0; i < 25; i++) {
                Message mine = repo().append(c.id(), NewMessage.user("w" + worker + "-" + i, 1));
                List<Message> last = repo().lastMessages(c.id(), 3);
                boolean seesOwnAppend = last.get(last.size() - 1).sequence() >= mine.sequence();
                boolean contiguous =
                        last.get(last.size() - 1).sequence() - last.get(0).sequence() == last.size() - 1;
                if (!seesOwnAppend || !contiguous) {
                    synchronized (stale) {
                        stale.add(mine.sequence() + " then "
                                + last.stream().map(Message::sequence).toList());
                    }
                }
            }
            return null;
        });
        List<Message> fromSource = repo().history(c.id(), HistoryOrder.NEWEST_FIRST, PageRequest.first(5))
                .items()
                .reversed();

        assertThat(stale).isEmpty();
        assertThat(repo().lastMessages(c.id(), 5)).containsExactlyElementsOf(fromSource);
    }

    private static List<String> contents(List<Message> messages) {
        return messages.stream().map(Message::content).toList();
    }
}

package dev.agentstore.testkit.contract;

import static dev.agentstore.testkit.contract.MessageEditingContract.contents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationBranch;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.MemoryWindow;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.feedback.NewFeedback;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Branches: regenerating or editing in the middle forks the conversation, the old continuation stays readable as a
 * branch, one branch is current for every read, and any branch's history and window can be read.
 */
public abstract class ConversationBranchContract extends ConversationContractBase {
    @Test
    void should_start_every_conversation_on_the_main_branch() {
        Conversation c = conversation();

        assertThat(repo().branches(c.id()))
                .containsExactly(new ConversationBranch(ConversationBranch.MAIN, -1, null, 0, true, c.createdAt()));
    }

    @Test
    void should_regenerate_an_answer_on_a_new_branch_and_keep_the_old_one() {
        Conversation c = conversation();
        Message question = repo().append(c.id(), NewMessage.user("name a colour", 3));
        repo().append(c.id(), NewMessage.assistant("red", 1));

        ConversationBranch regenerated = repo().fork(c.id(), question.id());
        Message answer = repo().append(c.id(), NewMessage.assistant("blue", 1));

        assertThat(regenerated)
                .isEqualTo(new ConversationBranch(1, 0, question.id(), question.sequence(), true, clock.instant()));
        assertThat(answer.sequence()).isEqualTo(3);
        assertThat(contents(repo().lastMessages(c.id(), 10))).containsExactly("name a colour", "blue");
        assertThat(contents(repo().contextWindow(c.id(), 100).messages())).containsExactly("name a colour", "blue");
        assertThat(contents(history(c.id(), ConversationBranch.MAIN))).containsExactly("name a colour", "red");
        assertThat(contents(history(c.id(), 1))).containsExactly("name a colour", "blue");
        assertThat(repo().branches(c.id()))
                .extracting(ConversationBranch::number, ConversationBranch::current)
                .containsExactly(tuple(0, false), tuple(1, true));
    }

    @Test
    void should_switch_back_and_forth_between_branches() {
        Conversation c = conversation();
        List<Message> main = appendNumbered(c.id(), 4);
        repo().fork(c.id(), main.get(1).id());
        repo().appendAll(c.id(), List.of(NewMessage.user("b3", 1), NewMessage.assistant("b4", 1)));

        ConversationBranch back = repo().switchBranch(c.id(), ConversationBranch.MAIN);

        assertThat(back.current()).isTrue();
        assertThat(contents(repo().lastMessages(c.id(), 10))).containsExactly("m1", "m2", "m3", "m4");
        assertThat(repo().search(c.userId(), "b3", 10)).isEmpty();
        assertThat(repo().search(c.userId(), "m3", 10)).hasSize(1);
        Message m5 = repo().append(c.id(), NewMessage.user("m5", 1));
        assertThat(m5.sequence()).isEqualTo(7);

        repo().switchBranch(c.id(), 1);

        assertThat(contents(repo().lastMessages(c.id(), 10))).containsExactly("m1", "m2", "b3", "b4");
        assertThat(contents(repo().history(c.id(), HistoryOrder.NEWEST_FIRST, PageRequest.first(3))
                        .items()))
                .containsExactly("b4", "b3", "m2");
        assertThat(contents(history(c.id(), ConversationBranch.MAIN))).containsExactly("m1", "m2", "m3", "m4", "m5");
    }

    @Test
    void should_fork_a_fork_and_read_every_line() {
        Conversation c = conversation();
        List<Message> main = appendNumbered(c.id(), 3); // m1 m2 m3
        repo().fork(c.id(), main.get(0).id());
        List<Message> one = repo().appendAll(c.id(), List.of(NewMessage.user("x2", 1), NewMessage.user("x3", 1)));
        ConversationBranch two = repo().fork(c.id(), one.get(0).id());
        repo().append(c.id(), NewMessage.user("y3", 1));
        ConversationBranch three = repo().fork(c.id(), null);
        repo().append(c.id(), NewMessage.user("z1", 1));

        assertThat(two.parentBranch()).isEqualTo(1);
        assertThat(three.parentMessageId()).isNull();
        assertThat(contents(history(c.id(), 0))).containsExactly("m1", "m2", "m3");
        assertThat(contents(history(c.id(), 1))).containsExactly("m1", "x2", "x3");
        assertThat(contents(history(c.id(), 2))).containsExactly("m1", "x2", "y3");
        assertThat(contents(history(c.id(), 3))).containsExactly("z1");
        for (int branch : new int[] {2, 0, 1, 3, 2}) {
            repo().switchBranch(c.id(), branch);
            assertThat(repo().lastMessages(c.id(), 10)).isEqualTo(history(c.id(), branch));
            assertThat(repo().contextWindow(c.id(), 1_000).messages()).isEqualTo(history(c.id(), branch));
            assertThat(repo().contextWindow(c.id(), branch, 1_000).messages()).isEqualTo(history(c.id(), branch));
        }
    }

    @Test
    void should_window_any_branch_within_its_budget() {
        Conversation c = conversation();
        Message system = repo().append(c.id(), NewMessage.system("be brief", 5));
        List<Message> main = appendNumbered(c.id(), 4); // 10 tokens each
        repo().fork(c.id(), main.get(0).id());
        repo().append(c.id(), NewMessage.user("other", 10));

        var mainWindow = repo().contextWindow(c.id(), ConversationBranch.MAIN, 25);
        var currentWindow = repo().contextWindow(c.id(), 1_000);

        assertThat(contents(mainWindow.messages())).containsExactly("be brief", "m3", "m4");
        assertThat(mainWindow.truncated()).isTrue();
        assertThat(contents(currentWindow.messages())).containsExactly("be brief", "m1", "other");
        assertThat(currentWindow.truncated()).isFalse();
        assertThat(system.sequence()).isEqualTo(1);
    }

    @Test
    void should_skip_tombstones_in_every_branch() {
        Conversation c = conversation();
        List<Message> main = appendNumbered(c.id(), 3);
        repo().deleteMessage(c.id(), main.get(0).id());
        repo().fork(c.id(), main.get(1).id());
        repo().append(c.id(), NewMessage.user("b3", 1));

        assertThat(contents(history(c.id(), 0))).containsExactly("m2", "m3");
        assertThat(contents(history(c.id(), 1))).containsExactly("m2", "b3");
        repo().switchBranch(c.id(), 0);
        assertThat(contents(repo().lastMessages(c.id(), 10))).containsExactly("m2", "m3");
    }

    @Test
    void should_keep_feedback_and_memory_consistent_across_branches() {
        Conversation c = conversation();
        Message question = repo().append(c.id(), NewMessage.user("q", 1));
        Message answer = repo().append(c.id(), NewMessage.assistant("first answer", 1));
        store.feedback().give(NewFeedback.onMessage(c.userId(), c.id(), answer.id(), 1));

        repo().fork(c.id(), question.id());
        repo().appendToMemory(c.id(), List.of(NewMessage.assistant("second answer", 1)), MemoryWindow.ALL);

        assertThat(store.feedback().find(c.userId(), c.id(), answer.id())).isPresent();
        assertThat(contents(repo().memory(c.id()))).containsExactly("q", "second answer");
    }

    @Test
    void should_refuse_unknown_branches_and_foreign_parents() {
        Conversation c = conversation();
        Conversation other = conversation();
        Message elsewhere = appendNumbered(other.id(), 1).get(0);
        List<Message> main = appendNumbered(c.id(), 2);
        repo().fork(c.id(), main.get(0).id());

        assertThatThrownBy(() -> repo().switchBranch(c.id(), 7)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> repo().switchBranch(c.id(), -1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("branch");
        assertThatThrownBy(() -> history(c.id(), 7)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> repo().contextWindow(c.id(), 7, 100)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> repo().fork(c.id(), elsewhere.id())).isInstanceOf(NotFoundException.class);
        // m2 is on the main branch, not on the current one
        assertThatThrownBy(() -> repo().fork(c.id(), main.get(1).id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> repo().fork(UUID.randomUUID(), null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> repo().branches(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThat(repo().branches(c.id())).hasSize(2);
        assertThat(otherTenantBranches(c.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_refuse_to_fork_or_switch_a_deleted_conversation() {
        Conversation c = conversation();
        Message m = appendNumbered(c.id(), 1).get(0);
        repo().fork(c.id(), m.id());
        repo().updateConversation(c.id(), ConversationUpdate.expecting(1).status(ConversationStatus.DELETED));

        assertThatThrownBy(() -> repo().fork(c.id(), m.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> repo().switchBranch(c.id(), 0)).isInstanceOf(ConflictException.class);
        assertThat(repo().branches(c.id())).hasSize(2);
    }

    private Throwable otherTenantBranches(UUID conversationId) {
        try {
            otherTenant().conversations().branches(conversationId);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private List<Message> history(UUID conversationId, int branch) {
        return repo().history(conversationId, branch, HistoryOrder.OLDEST_FIRST, PageRequest.first(100))
                .items();
    }
}

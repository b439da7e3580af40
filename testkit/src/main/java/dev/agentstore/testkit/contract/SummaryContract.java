package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationBranch;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.ConversationSummary;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewSummary;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.SummaryRepository;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conversation summaries: what each covers per branch, their history, the rules, and that they go with the chat. */
public abstract class SummaryContract extends StoreContract {
    private UUID user;
    private Conversation chat;
    private List<Message> messages;

    private SummaryRepository summaries() {
        return store.summaries();
    }

    @BeforeEach
    void sixMessages() {
        ConversationRepository chats = store.conversations();
        user = chats.upsertUser(NewUser.of("web", "ann")).id();
        chat = chats.createConversation(NewConversation.forUser(user));
        for (int i = 1; i <= 3; i++) {
            chats.append(chat.id(), NewMessage.user("question " + i, 3));
            chats.append(chat.id(), NewMessage.assistant("answer " + i, 5));
        }
        messages = chats.lastMessages(chat.id(), 6);
    }

    @Test
    void should_keep_every_summary_with_what_it_covers_per_branch() {
        ConversationSummary first = summaries().record(chat.id(), NewSummary.of("Ann asked twice.", 2, 4));
        ConversationSummary second = summaries().record(chat.id(), NewSummary.of("Ann asked four times.", 4, 6));
        ConversationBranch fork =
                store.conversations().fork(chat.id(), messages.get(2).id());
        store.conversations().append(chat.id(), NewMessage.user("a different third question", 4));
        long onBranch =
                store.conversations().lastMessages(chat.id(), 1).getFirst().sequence();
        ConversationSummary branched = summaries()
                .record(
                        chat.id(),
                        NewSummary.of("Ann changed course.", onBranch, 5).onBranch(fork.number()));

        assertThat(first.number()).isEqualTo(1);
        assertThat(first.createdAt()).isEqualTo(clock.instant());
        assertThat(second.number()).isEqualTo(2);
        assertThat(branched.number()).isEqualTo(3);
        assertThat(branched.branch()).isEqualTo(fork.number());
        assertThat(branched.coversThrough()).isEqualTo(onBranch);
        assertThat(summaries().latest(chat.id(), ConversationBranch.MAIN)).contains(second);
        assertThat(summaries().latest(chat.id(), fork.number())).contains(branched);
        assertThat(summaries().history(chat.id())).containsExactly(first, second, branched);
        assertThat(summaries().latest(UUID.randomUUID(), 0)).isEmpty();
        assertThat(summaries().history(UUID.randomUUID())).isEmpty();
    }

    @Test
    void should_only_move_forward_within_the_conversation_and_its_branches() {
        summaries().record(chat.id(), NewSummary.of("through four", 4, 6));

        assertThatThrownBy(() -> summaries().record(chat.id(), NewSummary.of("back to two", 2, 3)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("covers through 4");
        assertThat(summaries()
                        .record(chat.id(), NewSummary.of("again four", 4, 6))
                        .number())
                .isEqualTo(2);
        assertThatThrownBy(() -> summaries().record(chat.id(), NewSummary.of("the future", 7, 1)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("summary.coversThrough"));
        assertThatThrownBy(() -> summaries()
                        .record(chat.id(), NewSummary.of("no branch", 2, 1).onBranch(9)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> summaries().record(UUID.randomUUID(), NewSummary.of("no chat", 1, 1)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> NewSummary.of("nothing", 0, 1))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("summary.coversThrough"));
        assertThat(summaries().history(chat.id())).hasSize(2);
    }

    @Test
    void should_go_with_the_conversation_and_stay_in_its_tenant() {
        ConversationSummary recorded = summaries().record(chat.id(), NewSummary.of("Ann's private worries", 2, 4));

        assertThat(recorded.toString()).doesNotContain("worries");
        assertThat(otherTenant().summaries().history(chat.id())).isEmpty();
        assertThatThrownBy(() -> otherTenant().summaries().record(chat.id(), NewSummary.of("theirs", 1, 1)))
                .isInstanceOf(NotFoundException.class);

        store.conversations().eraseUser(user);

        assertThat(summaries().history(chat.id())).isEmpty();
        assertThat(summaries().latest(chat.id(), ConversationBranch.MAIN)).isEmpty();
    }
}

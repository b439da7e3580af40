package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.conversation.ContextWindow;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.ToolCall;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The token-budget context window rule. */
public abstract class ContextWindowContract extends StoreContract {

    private ConversationRepository repo() {
        return store.conversations();
    }

    private UUID newConversation() {
        UUID user =
                repo().upsertUser(NewUser.of("web", "w-" + UUID.randomUUID())).id();
        Conversation c = repo().createConversation(NewConversation.forUser(user));
        return c.id();
    }

    private static List<String> contents(ContextWindow w) {
        return w.messages().stream().map(Message::content).toList();
    }

    @Test
    void should_return_everything_when_it_fits() {
        UUID c = newConversation();
        repo().append(c, NewMessage.system("sys", 5));
        repo().append(c, NewMessage.user("q", 10));
        repo().append(c, NewMessage.assistant("a", 10));
        ContextWindow w = repo().contextWindow(c, 100);
        assertThat(contents(w)).containsExactly("sys", "q", "a");
        assertThat(w.totalTokens()).isEqualTo(25);
        assertThat(w.truncated()).isFalse();
    }

    @Test
    void should_keep_the_system_message_and_the_newest_messages_that_fit() {
        UUID c = newConversation();
        repo().append(c, NewMessage.system("sys", 10));
        for (int i = 1; i <= 10; i++) {
            repo().append(c, NewMessage.user("m" + i, 10));
        }
        ContextWindow w = repo().contextWindow(c, 45);
        assertThat(contents(w)).containsExactly("sys", "m8", "m9", "m10");
        assertThat(w.totalTokens()).isEqualTo(40);
        assertThat(w.truncated()).isTrue();
    }

    @Test
    void should_stop_at_the_first_message_that_does_not_fit_instead_of_skipping_it() {
        UUID c = newConversation();
        repo().append(c, NewMessage.user("small-old", 1));
        repo().append(c, NewMessage.user("huge", 100));
        repo().append(c, NewMessage.user("newest", 5));
        assertThat(contents(repo().contextWindow(c, 50))).containsExactly("newest");
    }

    @Test
    void should_never_separate_a_tool_call_from_its_results() {
        UUID c = newConversation();
        repo().append(c, NewMessage.user("weather in Oslo and Rome?", 10));
        repo().append(
                        c,
                        NewMessage.assistant("", 10)
                                .withToolCalls(List.of(
                                        new ToolCall("c1", "weather", "{\"city\":\"Oslo\"}"),
                                        new ToolCall("c2", "weather", "{\"city\":\"Rome\"}"))));
        repo().append(c, NewMessage.tool("c1", "3C", 10));
        repo().append(c, NewMessage.tool("c2", "18C", 10));
        repo().append(c, NewMessage.assistant("Oslo 3C, Rome 18C", 10));
        assertThat(contents(repo().contextWindow(c, 35))).containsExactly("Oslo 3C, Rome 18C");
        assertThat(contents(repo().contextWindow(c, 40))).containsExactly("", "3C", "18C", "Oslo 3C, Rome 18C");
    }

    @Test
    void should_drop_tool_results_whose_call_lies_beyond_the_budget() {
        UUID c = newConversation();
        repo().append(c, NewMessage.system("be brief", 2));
        repo().append(c, NewMessage.assistant("", 10).withToolCalls(List.of(new ToolCall("c1", "search", "{}"))));
        repo().append(c, NewMessage.tool("c1", "result part 1", 3));
        repo().append(c, NewMessage.tool("c1", "result part 2", 3));
        repo().append(c, NewMessage.user("thanks", 1));

        ContextWindow window = repo().contextWindow(c, 6);

        assertThat(contents(window)).containsExactly("be brief", "thanks");
        assertThat(window.totalTokens()).isEqualTo(3);
        assertThat(window.truncated()).isTrue();
        assertThat(contents(repo().contextWindow(c, 19)))
                .containsExactly("be brief", "", "result part 1", "result part 2", "thanks");
    }

    @Test
    void should_keep_the_system_message_even_when_it_alone_exceeds_the_budget() {
        UUID c = newConversation();
        repo().append(c, NewMessage.system("long system prompt", 500));
        repo().append(c, NewMessage.user("hi", 5));
        ContextWindow w = repo().contextWindow(c, 100);
        assertThat(contents(w)).containsExactly("long system prompt");
        assertThat(w.truncated()).isTrue();
    }

    @Test
    void should_keep_only_the_first_system_message_pinned() {
        UUID c = newConversation();
        repo().append(c, NewMessage.system("first", 5));
        repo().append(c, NewMessage.user("old", 50));
        repo().append(c, NewMessage.system("second", 5));
        repo().append(c, NewMessage.user("new", 5));
        assertThat(contents(repo().contextWindow(c, 20))).containsExactly("first", "second", "new");
    }

    @Test
    void should_return_an_empty_window_for_an_empty_conversation() {
        ContextWindow w = repo().contextWindow(newConversation(), 10);
        assertThat(w.messages()).isEmpty();
        assertThat(w.totalTokens()).isZero();
        assertThat(w.truncated()).isFalse();
    }

    @Test
    void should_count_zero_token_messages_without_cost() {
        UUID c = newConversation();
        repo().append(c, NewMessage.user("a", 0));
        repo().append(c, NewMessage.user("b", 3));
        ContextWindow w = repo().contextWindow(c, 3);
        assertThat(contents(w)).containsExactly("a", "b");
        assertThat(w.totalTokens()).isEqualTo(3);
    }

    @Test
    void should_give_the_same_window_over_many_calls() {
        UUID c = newConversation();
        for (int i = 0; i < 30; i++) {
            repo().append(c, NewMessage.user("m" + i, 7));
        }
        ContextWindow first = repo().contextWindow(c, 100);
        for (int i = 0; i < 12; i++) {
            assertThat(repo().contextWindow(c, 100)).isEqualTo(first);
        }
        assertThat(first.messages()).hasSize(14);
    }
}

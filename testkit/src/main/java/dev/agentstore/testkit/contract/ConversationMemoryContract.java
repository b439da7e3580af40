package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.MemoryWindow;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.User;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What agent frameworks need from conversations: addressing one by the caller's own key (or id), found or created in
 * one atomic step, and a memory window (a pinned message and every message from a start) moved atomically with an
 * append while the full history stays in the log.
 */
public abstract class ConversationMemoryContract extends ConversationContractBase {

    @Test
    void should_create_find_and_refuse_twice_a_conversation_by_its_key() {
        User u = user("alice");
        Conversation created =
                repo().createConversation(NewConversation.forUser(u.id()).withKey("memory-1"));
        assertThat(created.externalKey()).isEqualTo("memory-1");
        assertThat(repo().findConversationByKey("memory-1")).contains(created);
        assertThat(repo().findConversationByKey("memory-2")).isEmpty();
        assertThatThrownBy(() -> repo().createConversation(
                                NewConversation.forUser(u.id()).withKey("memory-1")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("memory-1");
        assertThat(repo().findOrCreateConversation(
                                NewConversation.forUser(u.id()).withKey("memory-1")))
                .isEqualTo(created);
    }

    @Test
    void should_give_every_concurrent_find_or_create_of_a_key_the_same_conversation() throws Exception {
        User u = user("alice");
        List<UUID> ids = Concurrently.run(
                8,
                i -> repo().findOrCreateConversation(NewConversation.forUser(u.id())
                                .withKey("shared")
                                .withTitle("t" + i))
                        .id());
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(repo().listConversations(u.id(), null, PageRequest.first(10)).items())
                .hasSize(1);
    }

    @Test
    void should_refuse_find_or_create_without_a_key() {
        User u = user("alice");
        assertThatThrownBy(() -> repo().findOrCreateConversation(NewConversation.forUser(u.id())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("externalKey");
    }

    @Test
    void should_keep_a_caller_supplied_id_and_refuse_it_twice() {
        User u = user("alice");
        UUID id = UUID.randomUUID();
        assertThat(repo().createConversation(NewConversation.forUser(u.id()).withId(id))
                        .id())
                .isEqualTo(id);
        assertThat(repo().findConversation(id)).isPresent();
        assertThatThrownBy(() -> repo().createConversation(
                                NewConversation.forUser(u.id()).withId(id)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void should_let_two_tenants_use_the_same_key() {
        AgentStore other = otherTenant();
        User u = user("alice");
        User theirs = other.conversations().upsertUser(dev.agentstore.conversation.NewUser.of("web", "alice"));
        Conversation mine =
                repo().findOrCreateConversation(NewConversation.forUser(u.id()).withKey("k"));
        Conversation others = other.conversations()
                .findOrCreateConversation(NewConversation.forUser(theirs.id()).withKey("k"));
        assertThat(mine.id()).isNotEqualTo(others.id());
        assertThat(other.conversations().findConversationByKey("k")).contains(others);
    }

    @Test
    void should_start_with_the_whole_history_in_the_memory_window() {
        Conversation c = conversation();
        assertThat(c.memoryWindow()).isEqualTo(MemoryWindow.ALL);
        List<Message> appended = appendNumbered(c.id(), 3);
        assertThat(repo().memory(c.id())).isEqualTo(appended);
    }

    @Test
    void should_append_and_move_the_window_in_one_step_keeping_the_pinned_message_and_the_history() {
        Conversation c = conversation();
        Message system = repo().append(c.id(), NewMessage.system("be brief", 2));
        List<Message> first =
                repo().appendAll(c.id(), List.of(NewMessage.user("u1", 1), NewMessage.assistant("a1", 1)));

        List<Message> appended = repo().appendToMemory(
                        c.id(),
                        List.of(NewMessage.user("u2", 1), NewMessage.assistant("a2", 1)),
                        MemoryWindow.from(first.get(1).sequence()).pinning(system.sequence()));

        assertThat(appended).extracting(Message::content).containsExactly("u2", "a2");
        assertThat(appended).extracting(Message::sequence).containsExactly(4L, 5L);
        assertThat(repo().memory(c.id())).extracting(Message::content).containsExactly("be brief", "a1", "u2", "a2");
        assertThat(repo().findConversation(c.id()).orElseThrow().memoryWindow()).isEqualTo(new MemoryWindow(3, 1));
        assertThat(repo().history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.first(10))
                        .items())
                .as("the log keeps every message")
                .hasSize(5);
    }

    @Test
    void should_start_a_window_at_a_message_the_same_call_appends() {
        Conversation c = conversation();
        appendNumbered(c.id(), 2);
        repo().appendToMemory(
                        c.id(),
                        List.of(NewMessage.system("a summary of it all", 5), NewMessage.user("go on", 1)),
                        MemoryWindow.from(3));
        assertThat(repo().memory(c.id())).extracting(Message::content).containsExactly("a summary of it all", "go on");
        repo().appendToMemory(c.id(), List.of(), MemoryWindow.from(5));
        assertThat(repo().memory(c.id()))
                .as("a window past the last message is empty until messages come")
                .isEmpty();
        repo().append(c.id(), NewMessage.user("later", 1));
        assertThat(repo().memory(c.id())).extracting(Message::content).containsExactly("later");
    }

    @Test
    void should_refuse_a_window_that_does_not_fit_and_change_nothing() {
        Conversation c = conversation();
        appendNumbered(c.id(), 2);
        assertThatThrownBy(() -> repo().appendToMemory(c.id(), List.of(NewMessage.user("x", 1)), MemoryWindow.from(5)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("window.start");
        assertThatThrownBy(() -> repo().appendToMemory(
                                c.id(),
                                List.of(NewMessage.user("x", 1)),
                                MemoryWindow.from(4).pinning(3)))
                .as("the pinned message must exist before the call")
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("window.pinned");
        assertThatThrownBy(() -> new MemoryWindow(2, 2)).isInstanceOf(InvalidInputException.class);
        assertThat(repo().lastMessages(c.id(), 10)).hasSize(2);
        assertThat(repo().findConversation(c.id()).orElseThrow().memoryWindow()).isEqualTo(MemoryWindow.ALL);
    }

    @Test
    void should_refuse_memory_calls_on_missing_and_deleted_conversations() {
        UUID missing = UUID.randomUUID();
        assertThatThrownBy(() -> repo().memory(missing)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> repo().appendToMemory(missing, List.of(), MemoryWindow.ALL))
                .isInstanceOf(NotFoundException.class);
        Conversation c = conversation();
        repo().updateConversation(c.id(), ConversationUpdate.expecting(1).status(ConversationStatus.DELETED));
        assertThatThrownBy(() -> repo().appendToMemory(c.id(), List.of(NewMessage.user("x", 1)), MemoryWindow.ALL))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void should_keep_the_memory_window_of_one_tenant_from_another() {
        AgentStore other = otherTenant();
        Conversation c = conversation();
        appendNumbered(c.id(), 2);
        assertThatThrownBy(() -> other.conversations().memory(c.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.conversations().appendToMemory(c.id(), List.of(), MemoryWindow.from(2)))
                .isInstanceOf(NotFoundException.class);
        assertThat(repo().memory(c.id())).hasSize(2);
    }
}

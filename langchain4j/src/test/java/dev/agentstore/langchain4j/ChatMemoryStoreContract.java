package dev.agentstore.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.langchain4j.internal.ChatMessages;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.CustomMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AgentstoreChatMemoryStore} against LangChain4j's contract for a {@code ChatMemoryStore} (getMessages returns
 * exactly the list last given to updateMessages; deleteMessages empties it), driven also through LangChain4j's own
 * {@link MessageWindowChatMemory}, and against what agentstore adds: the history keeps every message once, updates
 * append only what is new, tool calls keep their ids and arguments, and rewrites are marked.
 */
abstract class ChatMemoryStoreContract {
    private AgentStore tenant;
    private AgentstoreChatMemoryStore store;

    /** The backend under test. */
    protected abstract AgentStore backend();

    @BeforeEach
    void freshTenant() {
        tenant = backend().forTenant("memory-" + UUID.randomUUID());
        store = AgentstoreChatMemoryStore.builder(tenant.conversations()).build();
    }

    @Test
    void should_return_exactly_the_list_last_given_for_every_kind_of_message() {
        ToolExecutionRequest weather = ToolExecutionRequest.builder()
                .id("call_1")
                .name("weather")
                .arguments("{\"city\":\"Oslo\",\"unit\":\"C\"}")
                .build();
        List<ChatMessage> messages = List.of(
                SystemMessage.from("You are a travel agent."),
                UserMessage.from("Weather in Oslo?"),
                AiMessage.from(weather),
                ToolExecutionResultMessage.from(weather, "-3 and snowing"),
                AiMessage.from("It is -3 in Oslo.", List.of(weather)),
                AiMessage.builder()
                        .text("thinking aloud")
                        .thinking("the user wants Oslo")
                        .build(),
                UserMessage.from("klaus", "named user"),
                UserMessage.from(TextContent.from("look"), ImageContent.from("https://example.com/fjord.png")),
                ToolExecutionResultMessage.from(null, "no-id-tool", "orphan result"),
                AiMessage.from(ToolExecutionRequest.builder()
                        .name("no_id")
                        .arguments("{}")
                        .build()),
                CustomMessage.from(Map.of("kind", "marker")));
        store.updateMessages("trip", messages);
        assertThat(store.getMessages("trip")).isEqualTo(messages);
        assertThat(AgentstoreChatMemoryStore.builder(tenant.conversations())
                        .build()
                        .getMessages("trip"))
                .as("a new store instance reads the same")
                .isEqualTo(messages);
    }

    @Test
    void should_keep_tool_calls_in_agentstore_columns_with_their_ids_and_arguments() {
        ToolExecutionRequest call = ToolExecutionRequest.builder()
                .id("call_9")
                .name("book")
                .arguments("{\"train\":\"Bergen\"}")
                .build();
        store.updateMessages(
                "tools",
                List.of(
                        UserMessage.from("book it"),
                        AiMessage.from(call),
                        ToolExecutionResultMessage.from(call, "booked")));
        List<Message> history = history("tools");
        assertThat(history)
                .extracting(Message::role)
                .containsExactly(MessageRole.USER, MessageRole.ASSISTANT, MessageRole.TOOL);
        assertThat(history.get(1).toolCalls()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("call_9");
            assertThat(c.arguments()).isEqualTo("{\"train\":\"Bergen\"}");
        });
        assertThat(history.get(2).toolCallId()).isEqualTo("call_9");
        assertThat(history).allSatisfy(m -> assertThat(m.metadata()).doesNotContainKey(ChatMessages.JSON));
    }

    @Test
    void should_append_only_new_messages_through_a_message_window_and_keep_the_whole_history() {
        MessageWindowChatMemory memory = MessageWindowChatMemory.builder()
                .id(42)
                .maxMessages(4)
                .chatMemoryStore(store)
                .build();
        memory.add(SystemMessage.from("Be brief."));
        List<ChatMessage> said = new ArrayList<>();
        for (int turn = 0; turn < 10; turn++) {
            UserMessage question = UserMessage.from("question " + turn);
            AiMessage answer = AiMessage.from("answer " + turn);
            memory.add(question);
            memory.add(answer);
            said.add(question);
            said.add(answer);
        }
        assertThat(memory.messages()).hasSize(4);
        assertThat(memory.messages().getFirst()).isEqualTo(SystemMessage.from("Be brief."));
        assertThat(store.getMessages(42)).isEqualTo(memory.messages());
        assertThat(history("42"))
                .as("every message once, in order: evicted ones stay in the log, nothing is written twice")
                .extracting(Message::content)
                .containsExactlyElementsOf(contents(SystemMessage.from("Be brief."), said));
        assertThat(history("42")).noneMatch(m -> m.metadata().containsKey(AgentstoreChatMemoryStore.REWRITE));
    }

    @Test
    void should_record_a_rewrite_when_nothing_of_the_window_is_kept() {
        store.updateMessages("s", List.of(UserMessage.from("a"), AiMessage.from("b"), UserMessage.from("c")));
        List<ChatMessage> summarized = List.of(SystemMessage.from("Summary: a, b and c."), UserMessage.from("d"));
        store.updateMessages("s", summarized);
        assertThat(store.getMessages("s")).isEqualTo(summarized);
        List<Message> history = history("s");
        assertThat(history).hasSize(5);
        assertThat(history.get(3).metadata()).containsEntry(AgentstoreChatMemoryStore.REWRITE, true);
    }

    @Test
    void should_empty_the_memory_on_delete_keep_the_history_and_start_again() {
        store.updateMessages("d", List.of(UserMessage.from("one"), AiMessage.from("two")));
        store.deleteMessages("d");
        assertThat(store.getMessages("d")).isEmpty();
        assertThat(history("d")).hasSize(2);
        store.updateMessages("d", List.of(UserMessage.from("three")));
        assertThat(store.getMessages("d")).containsExactly(UserMessage.from("three"));
        store.deleteMessages("never-used");
        assertThat(store.getMessages("never-used")).isEmpty();
    }

    @Test
    void should_address_memories_by_any_id_and_keep_tenants_apart() {
        UUID uuid = UUID.randomUUID();
        store.updateMessages(uuid, List.of(UserMessage.from("by uuid")));
        store.updateMessages(7L, List.of(UserMessage.from("by long")));
        assertThat(store.getMessages(uuid.toString())).containsExactly(UserMessage.from("by uuid"));
        assertThat(store.getMessages(7)).containsExactly(UserMessage.from("by long"));
        AgentstoreChatMemoryStore otherTenant = AgentstoreChatMemoryStore.builder(
                        backend().forTenant("memory-" + UUID.randomUUID()).conversations())
                .build();
        assertThat(otherTenant.getMessages(uuid)).isEmpty();
    }

    private List<Message> history(String memoryId) {
        ConversationRepository conversations = tenant.conversations();
        Conversation c =
                conversations.findConversationByKey("langchain4j:" + memoryId).orElseThrow();
        return conversations
                .history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.first(100))
                .items();
    }

    private static List<String> contents(SystemMessage system, List<ChatMessage> said) {
        List<String> contents = new ArrayList<>(List.of(system.text()));
        for (ChatMessage m : said) {
            contents.add(m instanceof UserMessage u ? u.singleText() : ((AiMessage) m).text());
        }
        return contents;
    }
}

package dev.agentstore.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.springai.internal.SpringMessages;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.content.Media;
import org.springframework.util.MimeTypeUtils;

/**
 * {@link AgentstoreChatMemoryRepository} against Spring AI's documented contract for a {@code ChatMemoryRepository}
 * (saveAll replaces what findByConversationId returns; findConversationIds lists the conversations; delete removes
 * one), driven also through Spring AI's own {@link MessageWindowChatMemory}, and against what agentstore adds: tool
 * calls kept with their ids and arguments, saves that append only what is new, the history kept whole.
 */
abstract class ChatMemoryRepositoryContract {
    private AgentStore tenant;
    private AgentstoreChatMemoryRepository repository;

    /** The backend under test. */
    protected abstract AgentStore backend();

    @BeforeEach
    void freshTenant() {
        tenant = backend().forTenant("memory-" + UUID.randomUUID());
        repository =
                AgentstoreChatMemoryRepository.builder(tenant.conversations()).build();
    }

    @Test
    void should_find_exactly_what_was_saved_for_every_kind_of_message() {
        AssistantMessage.ToolCall weather =
                new AssistantMessage.ToolCall("call_1", "function", "weather", "{\"city\":\"Oslo\"}");
        List<Message> messages = List.of(
                new SystemMessage("You are a travel agent."),
                new UserMessage("Weather in Oslo?"),
                AssistantMessage.builder().toolCalls(List.of(weather)).build(),
                ToolResponseMessage.builder()
                        .responses(List.of(new ToolResponseMessage.ToolResponse("call_1", "weather", "-3")))
                        .build(),
                ToolResponseMessage.builder()
                        .responses(List.of(
                                new ToolResponseMessage.ToolResponse("call_2", "a", "1"),
                                new ToolResponseMessage.ToolResponse("call_3", "b", "2")))
                        .build(),
                AssistantMessage.builder()
                        .content("It is -3.")
                        .properties(Map.of("model", "m1"))
                        .build(),
                UserMessage.builder()
                        .text("And this?")
                        .media(Media.builder()
                                .mimeType(MimeTypeUtils.IMAGE_PNG)
                                .data(URI.create("https://example.com/fjord.png"))
                                .build())
                        .metadata(Map.of("channel", "web"))
                        .build());
        repository.saveAll("trip", messages);
        assertThat(repository.findByConversationId("trip")).isEqualTo(messages);
        assertThat(AgentstoreChatMemoryRepository.builder(tenant.conversations())
                        .build()
                        .findByConversationId("trip"))
                .isEqualTo(messages);
    }

    @Test
    void should_keep_tool_calls_in_agentstore_columns() {
        AssistantMessage.ToolCall call =
                new AssistantMessage.ToolCall("call_9", "function", "book", "{\"train\":\"Bergen\"}");
        repository.saveAll(
                "tools",
                List.of(
                        new UserMessage("book it"),
                        AssistantMessage.builder().toolCalls(List.of(call)).build(),
                        ToolResponseMessage.builder()
                                .responses(List.of(new ToolResponseMessage.ToolResponse("call_9", "book", "booked")))
                                .build()));
        List<dev.agentstore.conversation.Message> history = history("tools");
        assertThat(history)
                .extracting(dev.agentstore.conversation.Message::role)
                .containsExactly(MessageRole.USER, MessageRole.ASSISTANT, MessageRole.TOOL);
        assertThat(history.get(1).toolCalls()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("call_9");
            assertThat(c.arguments()).isEqualTo("{\"train\":\"Bergen\"}");
        });
        assertThat(history.get(2).toolCallId()).isEqualTo("call_9");
        assertThat(history).allSatisfy(m -> assertThat(m.metadata()).doesNotContainKey(SpringMessages.MESSAGE));
    }

    @Test
    void should_replace_on_save_list_conversations_and_delete_one() {
        repository.saveAll("a", List.of(new UserMessage("one")));
        repository.saveAll("b", List.of(new UserMessage("two")));
        repository.saveAll("a", List.of(new UserMessage("three"), new AssistantMessage("four")));
        assertThat(repository.findByConversationId("a"))
                .containsExactly(new UserMessage("three"), new AssistantMessage("four"));
        assertThat(repository.findConversationIds()).containsExactlyInAnyOrder("a", "b");
        repository.deleteByConversationId("a");
        assertThat(repository.findByConversationId("a")).isEmpty();
        assertThat(repository.findConversationIds()).containsExactly("b");
        assertThat(history("a")).as("the history stays").hasSize(3);
        repository.saveAll("a", List.of(new UserMessage("five")));
        assertThat(repository.findConversationIds()).containsExactlyInAnyOrder("a", "b");
        assertThat(repository.findByConversationId("never")).isEmpty();
        assertThatThrownBy(() -> repository.saveAll(" ", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_append_only_new_messages_through_a_message_window_and_keep_the_whole_history() {
        MessageWindowChatMemory memory = MessageWindowChatMemory.builder()
                .chatMemoryRepository(repository)
                .maxMessages(4)
                .build();
        memory.add("chat", new SystemMessage("Be brief."));
        List<String> said = new ArrayList<>(List.of("Be brief."));
        for (int turn = 0; turn < 10; turn++) {
            memory.add("chat", List.of(new UserMessage("question " + turn), new AssistantMessage("answer " + turn)));
            said.addAll(List.of("question " + turn, "answer " + turn));
        }
        assertThat(memory.get("chat")).hasSizeBetween(2, 4).startsWith(new SystemMessage("Be brief."));
        assertThat(repository.findByConversationId("chat")).isEqualTo(memory.get("chat"));
        assertThat(history("chat"))
                .as("every message once, in order")
                .extracting(dev.agentstore.conversation.Message::content)
                .containsExactlyElementsOf(said);
    }

    @Test
    void should_keep_tenants_apart() {
        repository.saveAll("shared-id", List.of(new UserMessage("mine")));
        AgentstoreChatMemoryRepository other = AgentstoreChatMemoryRepository.builder(
                        backend().forTenant("memory-" + UUID.randomUUID()).conversations())
                .build();
        assertThat(other.findByConversationId("shared-id")).isEmpty();
        assertThat(other.findConversationIds()).isEmpty();
    }

    private List<dev.agentstore.conversation.Message> history(String conversationId) {
        Conversation c = tenant.conversations()
                .findConversationByKey("spring-ai:" + conversationId)
                .orElseThrow();
        return tenant.conversations()
                .history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.first(100))
                .items();
    }
}

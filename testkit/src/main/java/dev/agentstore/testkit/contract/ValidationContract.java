package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Limits;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.ToolCall;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.spi.Ids;
import dev.agentstore.vector.CollectionSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every validation rule of core holds through the backend, and a rejected call changes nothing. */
public abstract class ValidationContract extends StoreContract {

    private static void rejects(String field, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).contains(field));
    }

    private Conversation conversation() {
        UUID user = store.conversations().upsertUser(NewUser.of("web", "v")).id();
        return store.conversations().createConversation(NewConversation.forUser(user));
    }

    @Test
    void should_reject_null_and_blank_ids() {
        rejects("conversationId", () -> store.conversations().append(null, NewMessage.user("x", 1)));
        rejects("userId", () -> store.conversations().findUser(null));
        rejects("user.externalId", () -> NewUser.of("web", " "));
        rejects("channel", () -> store.conversations().findUserByExternalId("", "x"));
        rejects("collection", () -> store.vectors().count(null));
    }

    @Test
    void should_reject_nul_characters_and_unpaired_surrogates_and_store_nothing() {
        Conversation c = conversation();
        rejects("message.content", () -> store.conversations().append(c.id(), NewMessage.user("a\u0000b", 1)));
        rejects("message.content", () -> store.conversations().append(c.id(), NewMessage.user("bad \uD800 here", 1)));
        rejects("message.content", () -> store.conversations().append(c.id(), NewMessage.user("bad \uDC00", 1)));
        assertThat(store.conversations()
                        .append(c.id(), NewMessage.user("emoji \uD83D\uDE00 ok", 1))
                        .content())
                .contains("\uD83D");
        assertThat(store.conversations().lastMessages(c.id(), 10)).hasSize(1);
    }

    @Test
    void should_reject_text_metadata_and_batches_beyond_the_limits() {
        Conversation c = conversation();
        rejects("message.content", () -> NewMessage.user("x".repeat(Limits.MAX_TEXT_CHARS + 1), 1));
        Map<String, Object> deep = new HashMap<>();
        Map<String, Object> cursor = deep;
        for (int i = 0; i < Limits.MAX_METADATA_DEPTH + 1; i++) {
            Map<String, Object> next = new HashMap<>();
            cursor.put("k", next);
            cursor = next;
        }
        rejects("message.metadata", () -> NewMessage.user("x", 1).withMetadata(deep));
        Map<String, Object> wide = new HashMap<>();
        IntStream.range(0, Limits.MAX_METADATA_ENTRIES + 1).forEach(i -> wide.put("k" + i, i));
        rejects("metadata", () -> NewMessage.user("x", 1).withMetadata(wide));
        rejects("metadata", () -> NewMessage.user("x", 1).withMetadata(Map.of("nan", Double.NaN)));
        rejects("metadata", () -> NewMessage.user("x", 1).withMetadata(Map.of("obj", new Object())));
        List<NewMessage> tooMany = IntStream.range(0, Limits.MAX_MESSAGE_BATCH + 1)
                .mapToObj(i -> NewMessage.user("m", 1))
                .toList();
        rejects("messages", () -> store.conversations().appendAll(c.id(), tooMany));
        assertThat(store.conversations().lastMessages(c.id(), 10)).isEmpty();
    }

    @Test
    void should_reject_messages_that_break_role_rules() {
        ToolCall call = new ToolCall("c1", "lookup", "{}");
        rejects("message.toolCalls", () -> NewMessage.user("x", 1).withToolCalls(List.of(call)));
        rejects(
                "message.toolCallId",
                () -> new NewMessage(MessageRole.TOOL, "result", List.of(), null, null, null, null, 1, Map.of()));
        rejects("message.tokenCount", () -> NewMessage.user("x", -1));
    }

    @Test
    void should_reject_limits_out_of_range() {
        Conversation c = conversation();
        rejects("count", () -> store.conversations().lastMessages(c.id(), 0));
        rejects("tokenBudget", () -> store.conversations().contextWindow(c.id(), 0));
        rejects("page.limit", () -> PageRequest.first(Limits.MAX_PAGE_SIZE + 1));
        rejects(
                "page.limit",
                () -> store.conversations().history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.first(-1)));
    }

    @Test
    void should_reject_timestamps_outside_the_sane_range() {
        rejects("sample.recordedAt", () -> SystemSample.of(Instant.parse("1969-12-31T23:59:59Z"), "h", 1, 1));
        rejects("metric.recordedAt", () -> LlmRequestMetric.success(Ids.newId(), Instant.MAX, "m", 1, 1, 1));
    }

    @Test
    void should_reject_bad_collection_and_ttl_arguments() {
        rejects("collection.dimension", () -> CollectionSpec.of("x", 0));
        rejects("collection.name", () -> CollectionSpec.of("bad name; drop", 3));
        rejects("ttl", () -> store.sessions().put("s", Map.of(), Duration.ZERO));
        rejects("ttl", () -> store.presence().markActive("room", "m", Duration.ofDays(2)));
    }
}

package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.ToolCall;
import dev.agentstore.conversation.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Messages: atomic and concurrent appends, every stored field, and full-text search. */
public abstract class MessageContract extends ConversationContractBase {
    @Test
    void should_append_messages_with_consecutive_sequences() {
        Conversation c = conversation();
        Message first = repo().append(c.id(), NewMessage.system("Be brief.", 3));
        List<Message> rest = appendNumbered(c.id(), 3);
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(rest).extracting(Message::sequence).containsExactly(2L, 3L, 4L);
        assertThat(rest).extracting(Message::content).containsExactly("m1", "m2", "m3");
    }

    @Test
    void should_store_every_message_field() {
        Conversation c = conversation();
        NewMessage call = NewMessage.assistant("", 7)
                .withToolCalls(List.of(new ToolCall("call-1", "weather", "{\"city\":\"Oslo\"}")))
                .withModel("gpt-x")
                .withRequestId("req-1")
                .withMetadata(Map.of("finish", "tool_calls"));
        Message stored = repo().append(c.id(), call);
        Message reread = repo().lastMessages(c.id(), 1).get(0);
        assertThat(reread).isEqualTo(stored);
        assertThat(reread.toolCalls()).containsExactly(new ToolCall("call-1", "weather", "{\"city\":\"Oslo\"}"));
        assertThat(reread.modelId()).isEqualTo("gpt-x");
        assertThat(reread.requestId()).isEqualTo("req-1");
        assertThat(reread.tokenCount()).isEqualTo(7);
        assertThat(reread.metadata()).containsEntry("finish", "tool_calls");
        Message result = repo().append(c.id(), NewMessage.tool("call-1", "{\"temp\":3}", 4));
        assertThat(result.toolCallId()).isEqualTo("call-1");
        assertThat(result.role()).isEqualTo(MessageRole.TOOL);
    }

    @Test
    void should_return_an_empty_list_for_an_empty_batch() {
        Conversation c = conversation();
        assertThat(repo().appendAll(c.id(), List.of())).isEmpty();
        assertThat(repo().lastMessages(c.id(), 10)).isEmpty();
    }

    @Test
    void should_refuse_messages_to_an_unknown_conversation() {
        assertThatThrownBy(() -> repo().append(UUID.randomUUID(), NewMessage.user("hi", 1)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_refuse_messages_to_a_deleted_conversation() {
        Conversation c = conversation();
        repo().updateConversation(c.id(), ConversationUpdate.expecting(1).status(ConversationStatus.DELETED));
        assertThatThrownBy(() -> repo().append(c.id(), NewMessage.user("hi", 1)))
                .isInstanceOf(ConflictException.class);
        assertThat(repo().lastMessages(c.id(), 10)).isEmpty();
    }

    @Test
    void should_write_nothing_when_one_message_of_a_batch_is_invalid() {
        Conversation c = conversation();
        List<NewMessage> batch = new ArrayList<>(List.of(NewMessage.user("ok", 1)));
        batch.add(null);
        assertThatThrownBy(() -> repo().appendAll(c.id(), batch)).isInstanceOf(InvalidInputException.class);
        assertThat(repo().lastMessages(c.id(), 10)).isEmpty();
    }

    @Test
    void should_append_once_per_idempotency_key() {
        Conversation c = conversation();
        List<NewMessage> turn = List.of(NewMessage.user("question", 2), NewMessage.assistant("answer", 2));
        List<Message> first = repo().appendAll(c.id(), turn, "request-1");
        List<Message> retried = repo().appendAll(c.id(), turn, "request-1");
        List<Message> other = repo().appendAll(c.id(), List.of(NewMessage.user("something else", 1)), "request-1");

        assertThat(retried).isEqualTo(first);
        assertThat(other).as("a repeated key returns what it appended first").isEqualTo(first);
        assertThat(repo().lastMessages(c.id(), 10)).extracting(Message::content).containsExactly("question", "answer");
        Conversation elsewhere = conversation();
        assertThat(repo().appendAll(elsewhere.id(), turn, "request-1"))
                .as("keys are per conversation")
                .extracting(Message::conversationId)
                .containsOnly(elsewhere.id());
        assertThat(repo().appendAll(c.id(), turn, "request-2"))
                .extracting(Message::sequence)
                .containsExactly(3L, 4L);
    }

    @Test
    void should_answer_retries_with_a_key_for_its_time_to_live_and_append_anew_after_it() {
        Conversation c = conversation();
        List<NewMessage> turn = List.of(NewMessage.user("question", 2));
        List<Message> first = repo().appendAll(c.id(), turn, "request-1");
        clock.advance(Duration.ofDays(7).minusMillis(1)); // conversations.idempotency-key-ttl defaults to 7 days
        assertThat(repo().appendAll(c.id(), turn, "request-1")).isEqualTo(first);
        clock.advance(Duration.ofMillis(1));
        List<Message> anew = repo().appendAll(c.id(), turn, "request-1");
        assertThat(anew).extracting(Message::sequence).containsExactly(2L);
        assertThat(repo().appendAll(c.id(), turn, "request-1"))
                .as("the key now answers with what it appended anew")
                .isEqualTo(anew);
        assertThat(repo().lastMessages(c.id(), 10)).hasSize(2);
    }

    @Test
    void should_append_once_when_retries_with_one_key_race() throws Exception {
        Conversation c = conversation();
        List<List<Message>> results = Concurrently.run(
                8, i -> repo().appendAll(c.id(), List.of(NewMessage.user("only once", 1)), "racing-key"));
        assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(results.get(0)));
        assertThat(repo().lastMessages(c.id(), 10)).hasSize(1);
    }

    @Test
    void should_refuse_keyed_appends_to_unknown_or_deleted_conversations_and_keep_the_key_unused() {
        assertThatThrownBy(() -> repo().appendAll(UUID.randomUUID(), List.of(NewMessage.user("x", 1)), "k"))
                .isInstanceOf(NotFoundException.class);
        Conversation c = conversation();
        repo().updateConversation(
                        c.id(), ConversationUpdate.expecting(c.version()).status(ConversationStatus.DELETED));
        assertThatThrownBy(() -> repo().appendAll(c.id(), List.of(NewMessage.user("x", 1)), "k"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> repo().appendAll(c.id(), List.of(NewMessage.user("x", 1)), "k"))
                .as("the refused call did not claim the key")
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void should_keep_order_and_lose_nothing_under_concurrent_appends() throws Exception {
        Conversation c = conversation();
        Concurrently.run(8, i -> {
            for (int j = 0; j < 25; j++) {
                repo().append(c.id(), NewMessage.user("w" + i + "-" + j, 1));
            }
            return null;
        });
        List<Message> all = repo().lastMessages(c.id(), 1000);
        assertThat(all).hasSize(200);
        assertThat(all)
                .extracting(Message::sequence)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 200).mapToObj(Long::valueOf).toList());
        assertThat(all).extracting(Message::content).doesNotHaveDuplicates();
        for (int i = 0; i < 8; i++) {
            String prefix = "w" + i + "-";
            List<String> mine = all.stream()
                    .map(Message::content)
                    .filter(s -> s.startsWith(prefix))
                    .toList();
            assertThat(mine)
                    .containsExactlyElementsOf(
                            IntStream.range(0, 25).mapToObj(j -> prefix + j).toList());
        }
    }

    @Test
    void should_keep_concurrent_batches_contiguous() throws Exception {
        Conversation c = conversation();
        Concurrently.run(
                4,
                i -> repo().appendAll(
                                c.id(),
                                IntStream.range(0, 10)
                                        .mapToObj(j -> NewMessage.user("b" + i + "-" + j, 1))
                                        .toList()));
        List<Message> all = repo().lastMessages(c.id(), 1000);
        assertThat(all).hasSize(40);
        for (int start = 0; start < 40; start += 10) {
            String batch = all.get(start).content().substring(0, 3);
            for (int j = 0; j < 10; j++) {
                assertThat(all.get(start + j).content()).isEqualTo(batch + j);
            }
        }
    }

    @Test
    void should_find_messages_containing_every_query_word() {
        User u = user("jo");
        Conversation c = repo().createConversation(NewConversation.forUser(u.id()));
        repo().append(c.id(), NewMessage.user("The quick brown fox", 4));
        repo().append(c.id(), NewMessage.assistant("A lazy dog sleeps", 4));
        repo().append(c.id(), NewMessage.user("Quick thinking, brown bread", 4));
        assertThat(repo().search(u.id(), "quick brown", 10))
                .extracting(h -> h.message().content())
                .containsExactlyInAnyOrder("The quick brown fox", "Quick thinking, brown bread");
        assertThat(repo().search(u.id(), "DOG", 10)).hasSize(1);
        assertThat(repo().search(u.id(), "cat", 10)).isEmpty();
        assertThat(repo().search(u.id(), "quick", 1)).hasSize(1);
    }

    @Test
    void should_leave_messages_of_deleted_conversations_out_of_search_and_keep_archived_ones() {
        User u = user("soft");
        Conversation kept = repo().createConversation(NewConversation.forUser(u.id()));
        Conversation archived = repo().createConversation(NewConversation.forUser(u.id()));
        Conversation deleted = repo().createConversation(NewConversation.forUser(u.id()));
        for (Conversation c : List.of(kept, archived, deleted)) {
            repo().append(c.id(), NewMessage.user("holiday plans", 2));
        }
        repo().updateConversation(archived.id(), ConversationUpdate.expecting(1).status(ConversationStatus.ARCHIVED));
        Conversation gone = repo().updateConversation(
                        deleted.id(), ConversationUpdate.expecting(1).status(ConversationStatus.DELETED));
        assertThat(repo().search(u.id(), "holiday", 10))
                .extracting(h -> h.message().conversationId())
                .containsExactlyInAnyOrder(kept.id(), archived.id());
        repo().updateConversation(
                        deleted.id(),
                        ConversationUpdate.expecting(gone.version()).status(ConversationStatus.ACTIVE));
        assertThat(repo().search(u.id(), "holiday", 10)).hasSize(3);
    }

    @Test
    void should_search_only_the_given_users_messages() {
        User a = user("a");
        User b = user("b");
        repo().append(
                        repo().createConversation(NewConversation.forUser(a.id()))
                                .id(),
                        NewMessage.user("secret plan", 2));
        assertThat(repo().search(b.id(), "secret", 10)).isEmpty();
        assertThat(repo().search(a.id(), "secret", 10)).hasSize(1);
    }

    @Test
    void should_treat_sql_and_pattern_characters_in_search_as_data() {
        User u = user("k");
        Conversation c = repo().createConversation(NewConversation.forUser(u.id()));
        repo().append(c.id(), NewMessage.user("discount 50% off", 3));
        for (String q : List.of("%", "_", "' OR 1=1 --", "50%", "\\", "a & b | !c", "(unbalanced", ":*")) {
            assertThat(repo().search(u.id(), q, 10))
                    .allMatch(h -> h.message().content().contains("50"));
        }
        assertThat(repo().search(u.id(), "   ", 10)).isEmpty();
    }

    @Test
    void should_refuse_an_append_carrying_more_than_the_bytes_per_call_and_append_nothing() {
        Conversation c = conversation();
        String megabyte = "x".repeat(1_000_000);
        List<NewMessage> seventeenMegabytes = new java.util.ArrayList<>();
        for (int i = 0; i < 17; i++) {
            seventeenMegabytes.add(NewMessage.user(megabyte, 1));
        }
        assertThatThrownBy(() -> repo().appendAll(c.id(), seventeenMegabytes))
                .isInstanceOf(dev.agentstore.InvalidInputException.class)
                .hasMessageContaining("messages")
                .hasMessageContaining("limits.message-bytes-per-call");
        assertThat(repo().lastMessages(c.id(), 10)).isEmpty();
        assertThat(repo().appendAll(c.id(), seventeenMegabytes.subList(0, 16))).hasSize(16);
    }
}

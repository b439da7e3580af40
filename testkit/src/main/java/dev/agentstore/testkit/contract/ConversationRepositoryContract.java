package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.ChatSession;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.SessionStatus;
import dev.agentstore.conversation.ToolCall;
import dev.agentstore.conversation.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Users, sessions, conversations, messages, paging and search. */
public abstract class ConversationRepositoryContract extends StoreContract {

    /** The repository under test. */
    protected ConversationRepository repo() {
        return store.conversations();
    }

    /** A stored user. */
    protected User user(String externalId) {
        return repo().upsertUser(NewUser.of("web", externalId));
    }

    /** A conversation of a new user. */
    protected Conversation conversation() {
        return repo().createConversation(
                        NewConversation.forUser(user("u-" + UUID.randomUUID()).id()));
    }

    /** Appends user messages "m1".."mN" with 10 tokens each. */
    protected List<Message> appendNumbered(UUID conversationId, int n) {
        return repo().appendAll(
                        conversationId,
                        IntStream.rangeClosed(1, n)
                                .mapToObj(i -> NewMessage.user("m" + i, 10))
                                .toList());
    }

    @Test
    void should_start_empty() {
        assertThat(repo().findUserByExternalId("web", "alice")).isEmpty();
    }

    @Test
    void should_store_a_user_and_find_it_by_id_and_external_id() {
        User alice = repo().upsertUser(
                        NewUser.of("slack", "U1").withDisplayName("Alice").withPreferences(Map.of("lang", "en")));
        assertThat(repo().findUser(alice.id())).contains(alice);
        assertThat(repo().findUserByExternalId("slack", "U1")).contains(alice);
        assertThat(alice.preferences()).containsEntry("lang", "en");
    }

    @Test
    void should_keep_one_user_per_channel_and_external_id_on_upsert() {
        User first = repo().upsertUser(NewUser.of("web", "bob").withDisplayName("Bob"));
        clock.advance(Duration.ofSeconds(1));
        User second = repo().upsertUser(NewUser.of("web", "bob").withDisplayName("Robert"));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.displayName()).isEqualTo("Robert");
        assertThat(second.createdAt()).isEqualTo(first.createdAt());
        assertThat(second.updatedAt()).isAfter(first.updatedAt());
    }

    @Test
    void should_treat_the_same_external_id_on_another_channel_as_another_user() {
        User web = repo().upsertUser(NewUser.of("web", "carol"));
        User slack = repo().upsertUser(NewUser.of("slack", "carol"));
        assertThat(web.id()).isNotEqualTo(slack.id());
    }

    @Test
    void should_replace_preferences() {
        User u = user("dave");
        User updated = repo().updatePreferences(u.id(), Map.of("tone", "formal", "nested", Map.of("a", List.of(1, 2))));
        assertThat(repo().findUser(u.id()).orElseThrow().preferences())
                .isEqualTo(updated.preferences())
                .containsEntry("tone", "formal");
    }

    @Test
    void should_refuse_preferences_of_an_unknown_user() {
        assertThatThrownBy(() -> repo().updatePreferences(UUID.randomUUID(), Map.of()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_start_touch_and_end_sessions() {
        User u = user("erin");
        ChatSession s = repo().startSession(u.id(), Map.of("device", "phone"));
        assertThat(s.status()).isEqualTo(SessionStatus.ACTIVE);
        clock.advance(Duration.ofMinutes(5));
        ChatSession touched = repo().touchSession(s.id());
        assertThat(touched.lastActiveAt()).isAfter(s.lastActiveAt());
        ChatSession ended = repo().endSession(s.id());
        assertThat(ended.status()).isEqualTo(SessionStatus.ENDED);
        assertThat(repo().endSession(s.id())).isEqualTo(ended);
        assertThatThrownBy(() -> repo().touchSession(s.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void should_list_sessions_most_recently_active_first() {
        User u = user("frank");
        ChatSession a = repo().startSession(u.id(), Map.of());
        clock.advance(Duration.ofSeconds(1));
        ChatSession b = repo().startSession(u.id(), Map.of());
        clock.advance(Duration.ofSeconds(1));
        repo().touchSession(a.id());
        assertThat(repo().sessionsOf(u.id(), 10)).extracting(ChatSession::id).containsExactly(a.id(), b.id());
        assertThat(repo().sessionsOf(u.id(), 1)).hasSize(1);
    }

    @Test
    void should_refuse_a_session_for_an_unknown_user() {
        assertThatThrownBy(() -> repo().startSession(UUID.randomUUID(), Map.of()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_create_a_conversation_at_version_one() {
        User u = user("gina");
        ChatSession s = repo().startSession(u.id(), Map.of());
        Conversation c = repo().createConversation(NewConversation.forUser(u.id())
                .inSession(s.id())
                .withTitle("Trip")
                .withModelOverride("llama3")
                .withMetadata(Map.of("k", "v")));
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.status()).isEqualTo(ConversationStatus.ACTIVE);
        assertThat(repo().findConversation(c.id())).contains(c);
        assertThat(c.sessionId()).isEqualTo(s.id());
        assertThat(c.title()).isEqualTo("Trip");
    }

    @Test
    void should_refuse_a_conversation_for_an_unknown_user() {
        assertThatThrownBy(() -> repo().createConversation(NewConversation.forUser(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_update_with_the_expected_version_and_increment_it() {
        Conversation c = conversation();
        Conversation updated = repo().updateConversation(
                        c.id(),
                        ConversationUpdate.expecting(1)
                                .title("New")
                                .summary("Sum")
                                .status(ConversationStatus.ARCHIVED));
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.title()).isEqualTo("New");
        assertThat(updated.summary()).isEqualTo("Sum");
        assertThat(updated.status()).isEqualTo(ConversationStatus.ARCHIVED);
        assertThat(repo().findConversation(c.id())).contains(updated);
    }

    @Test
    void should_reject_a_stale_version_and_change_nothing() {
        Conversation c = conversation();
        repo().updateConversation(c.id(), ConversationUpdate.expecting(1).title("A"));
        assertThatThrownBy(() -> repo().updateConversation(
                                c.id(), ConversationUpdate.expecting(1).title("B")))
                .isInstanceOf(ConflictException.class);
        assertThat(repo().findConversation(c.id()).orElseThrow().title()).isEqualTo("A");
    }

    @Test
    void should_let_exactly_one_of_two_concurrent_updates_win() throws Exception {
        Conversation c = conversation();
        List<Boolean> outcomes = Concurrently.run(2, i -> {
            try {
                repo().updateConversation(
                                c.id(), ConversationUpdate.expecting(1).title("writer " + i));
                return true;
            } catch (ConflictException e) {
                return false;
            }
        });
        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        assertThat(repo().findConversation(c.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void should_keep_fields_not_named_in_an_update() {
        Conversation c = repo().createConversation(
                        NewConversation.forUser(user("hank").id())
                                .withTitle("Keep")
                                .withMetadata(Map.of("x", 1)));
        Conversation updated = repo().updateConversation(
                        c.id(), ConversationUpdate.expecting(1).summary("S"));
        assertThat(updated.title()).isEqualTo("Keep");
        assertThat(updated.metadata()).isEqualTo(c.metadata());
    }

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
    void should_return_the_last_messages_oldest_first() {
        Conversation c = conversation();
        appendNumbered(c.id(), 30);
        assertThat(repo().lastMessages(c.id(), 3)).extracting(Message::content).containsExactly("m28", "m29", "m30");
        assertThat(repo().lastMessages(c.id(), 100)).hasSize(30);
    }

    @Test
    void should_page_history_oldest_first_without_gaps_or_repeats() {
        Conversation c = conversation();
        appendNumbered(c.id(), 25);
        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(10);
        int pages = 0;
        while (request != null) {
            Page<Message> page = repo().history(c.id(), HistoryOrder.OLDEST_FIRST, request);
            page.items().forEach(m -> seen.add(m.content()));
            request = page.nextRequest(request).orElse(null);
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 25).mapToObj(i -> "m" + i).toList());
    }

    @Test
    void should_page_history_newest_first() {
        Conversation c = conversation();
        appendNumbered(c.id(), 7);
        Page<Message> first = repo().history(c.id(), HistoryOrder.NEWEST_FIRST, PageRequest.first(3));
        assertThat(first.items()).extracting(Message::content).containsExactly("m7", "m6", "m5");
        Page<Message> second =
                repo().history(c.id(), HistoryOrder.NEWEST_FIRST, PageRequest.after(first.nextCursor(), 3));
        assertThat(second.items()).extracting(Message::content).containsExactly("m4", "m3", "m2");
        Page<Message> third =
                repo().history(c.id(), HistoryOrder.NEWEST_FIRST, PageRequest.after(second.nextCursor(), 3));
        assertThat(third.items()).extracting(Message::content).containsExactly("m1");
        assertThat(third.hasNext()).isFalse();
    }

    @Test
    void should_end_paging_exactly_at_a_full_last_page() {
        Conversation c = conversation();
        appendNumbered(c.id(), 4);
        Page<Message> first = repo().history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.first(2));
        Page<Message> second =
                repo().history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.after(first.nextCursor(), 2));
        assertThat(second.items()).hasSize(2);
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void should_return_an_empty_page_for_an_empty_conversation() {
        Page<Message> page = repo().history(conversation().id(), HistoryOrder.NEWEST_FIRST, PageRequest.first(10));
        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void should_reject_a_forged_cursor() {
        Conversation c = conversation();
        assertThatThrownBy(
                        () -> repo().history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.after("not-a-cursor!", 5)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void should_list_a_users_conversations_newest_first_with_a_status_filter() {
        User u = user("ivy");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(repo().createConversation(NewConversation.forUser(u.id()).withTitle("c" + i))
                    .id());
            clock.advance(Duration.ofMillis(5));
        }
        repo().updateConversation(ids.get(0), ConversationUpdate.expecting(1).status(ConversationStatus.ARCHIVED));
        Page<Conversation> first = repo().listConversations(u.id(), null, PageRequest.first(3));
        assertThat(first.items()).extracting(Conversation::title).containsExactly("c4", "c3", "c2");
        Page<Conversation> rest = repo().listConversations(u.id(), null, PageRequest.after(first.nextCursor(), 3));
        assertThat(rest.items()).extracting(Conversation::title).containsExactly("c1", "c0");
        assertThat(repo().listConversations(u.id(), ConversationStatus.ARCHIVED, PageRequest.first(10))
                        .items())
                .extracting(Conversation::title)
                .containsExactly("c0");
    }

    @Test
    void should_delete_a_conversation_with_its_messages() {
        Conversation c = conversation();
        appendNumbered(c.id(), 3);
        assertThat(repo().deleteConversation(c.id())).isTrue();
        assertThat(repo().findConversation(c.id())).isEmpty();
        assertThat(repo().deleteConversation(c.id())).isFalse();
        assertThatThrownBy(() -> repo().lastMessages(c.id(), 5)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_erase_everything_about_a_user_and_nothing_else() {
        User gone = user("gone");
        User kept = user("kept");
        ChatSession s = repo().startSession(gone.id(), Map.of());
        Conversation c = repo().createConversation(NewConversation.forUser(gone.id()));
        appendNumbered(c.id(), 2);
        Conversation other = repo().createConversation(NewConversation.forUser(kept.id()));
        appendNumbered(other.id(), 2);
        assertThat(repo().eraseUser(gone.id())).isTrue();
        assertThat(repo().findUser(gone.id())).isEmpty();
        assertThat(repo().findSession(s.id())).isEmpty();
        assertThat(repo().findConversation(c.id())).isEmpty();
        assertThat(repo().search(gone.id(), "m1", 10)).isEmpty();
        assertThat(repo().lastMessages(other.id(), 10)).hasSize(2);
        assertThat(repo().eraseUser(gone.id())).isFalse();
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
}

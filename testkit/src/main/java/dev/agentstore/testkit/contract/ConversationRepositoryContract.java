package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.ChatSession;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Conversations: creation, optimistic updates, listing and deletion. */
public abstract class ConversationRepositoryContract extends ConversationContractBase {
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
}

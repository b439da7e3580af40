package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.ChatSession;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.SessionStatus;
import dev.agentstore.conversation.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Users across channels, their preferences and sessions, and erasing a user. */
public abstract class UserAndSessionContract extends ConversationContractBase {
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
}

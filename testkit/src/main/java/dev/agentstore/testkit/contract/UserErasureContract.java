package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.NotFoundException;
import dev.agentstore.PageRequest;
import dev.agentstore.Secret;
import dev.agentstore.audit.AuditActions;
import dev.agentstore.audit.AuditQuery;
import dev.agentstore.conversation.ChatSession;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.User;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricQuery;
import dev.agentstore.security.Credential;
import dev.agentstore.security.IssuedApiKey;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.NewApiKey;
import dev.agentstore.security.NewCredential;
import dev.agentstore.spi.Ids;
import dev.agentstore.state.FlagContext;
import dev.agentstore.state.FlagScope;
import dev.agentstore.state.FlagValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Erasing a user erases it everywhere: its conversations and what hangs on them, the LLM metrics of its sessions and
 * conversations, and the accounts that belong to it with their keys, attempts and tokens; accounts of nobody and other
 * users' data stay, and the audit log records the erase.
 */
public abstract class UserErasureContract extends ConversationContractBase {
    private static final Secret PASSWORD = Secret.of("a long enough passphrase for erasure");

    @Test
    void should_erase_the_accounts_metrics_and_conversations_of_a_user_and_record_it() {
        Instant start = clock.instant();
        User erased = user("erased");
        User kept = user("kept");
        ChatSession session = repo().startSession(erased.id(), Map.of());
        Conversation chat =
                repo().createConversation(NewConversation.forUser(erased.id()).inSession(session.id()));
        repo().append(chat.id(), NewMessage.user("my secret plan", 3));
        Conversation otherChat = repo().createConversation(NewConversation.forUser(kept.id()));
        store.metrics()
                .recordLlm(LlmRequestMetric.success(Ids.newId(), start, "m", 1, 2, 3)
                        .inSession(session.id(), chat.id()));
        store.metrics()
                .recordLlm(LlmRequestMetric.success(Ids.newId(), start, "m", 1, 2, 3)
                        .inSession(null, chat.id()));
        LlmRequestMetric othersMetric =
                LlmRequestMetric.success(Ids.newId(), start, "m", 1, 2, 3).inSession(null, otherChat.id());
        store.metrics().recordLlm(othersMetric);
        Credential account = store.security()
                .createCredential(
                        new NewCredential("erased-user", "erased@example.com", PASSWORD).forUser(erased.id()));
        Credential operator =
                store.security().createCredential(new NewCredential("operator", "operator@example.com", PASSWORD));
        IssuedApiKey key = store.security().createApiKey(new NewApiKey(account.id(), "cli", Set.of(), null));
        store.security().verifyPassword("erased-user", Secret.of("not the passphrase at all"), LoginContext.unknown());
        store.security().requestPasswordReset("erased@example.com", (to, token) -> {});
        assertThat(account.userId()).isEqualTo(erased.id());

        assertThat(repo().eraseUser(erased.id())).isTrue();

        assertThat(repo().findUser(erased.id())).isEmpty();
        assertThat(store.security().findCredential(account.id())).isEmpty();
        assertThat(store.security().findByUsername("erased-user")).isEmpty();
        assertThat(store.security().verifyApiKey(key.rawKey())).isEmpty();
        assertThat(store.security().loginAttempts("erased-user", start, 10)).isEmpty();
        assertThat(store.security().events(null, start, 100))
                .as("security events stay, with no link to the account and no details")
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.credentialId()).isNotEqualTo(account.id()))
                .filteredOn(e -> e.credentialId() == null)
                .allSatisfy(e -> assertThat(e.details()).isEmpty());
        assertThat(store.metrics()
                        .llmMetrics(MetricQuery.between(start, start.plusSeconds(1)), PageRequest.first(10))
                        .items())
                .containsExactly(othersMetric);
        assertThat(store.security().findCredential(operator.id())).isPresent();
        assertThat(repo().findConversation(otherChat.id())).isPresent();
        assertThat(store.auditLog()
                        .list(
                                AuditQuery.between(start, clock.instant().plus(Duration.ofSeconds(1)))
                                        .ofAction(AuditActions.USER_ERASED),
                                PageRequest.first(10))
                        .items())
                .hasSize(1);
        assertThat(store.security()
                        .createCredential(new NewCredential("erased-user", "erased@example.com", PASSWORD))
                        .userId())
                .as("the username and email are free again")
                .isNull();
    }

    @Test
    void should_erase_the_fast_state_filed_under_the_user_and_keep_everyone_elses() {
        User erased = user("erased-fast");
        User kept = user("kept-fast");
        ChatSession session = repo().startSession(erased.id(), Map.of());
        String me = erased.id().toString();
        String other = kept.id().toString();
        store.sessions().put(session.id().toString(), Map.of("cart", "3 items"), Duration.ofHours(1));
        store.sessions().put("unrelated-session", Map.of("cart", "1 item"), Duration.ofHours(1));
        for (String room : new String[] {"room-a", "room-b"}) {
            store.presence().markActive(room, me, Duration.ofMinutes(5));
            store.presence().markActive(room, other, Duration.ofMinutes(5));
        }
        store.featureFlags().set("beta", FlagScope.user(me), FlagValue.of(true));
        store.featureFlags().set("theme", FlagScope.user(me), FlagValue.of("dark"));
        store.featureFlags().set("beta", FlagScope.user(other), FlagValue.of(true));

        assertThat(repo().eraseUser(erased.id())).isTrue();

        assertThat(store.sessions().get(session.id().toString())).isEmpty();
        assertThat(store.sessions().get("unrelated-session")).isPresent();
        for (String room : new String[] {"room-a", "room-b"}) {
            assertThat(store.presence().activeMembers(room, 10)).containsExactly(other);
        }
        assertThat(store.featureFlags().evaluate("beta", FlagContext.of(me, null)))
                .isEmpty();
        assertThat(store.featureFlags().evaluate("theme", FlagContext.of(me, null)))
                .isEmpty();
        assertThat(store.featureFlags().evaluate("beta", FlagContext.of(other, null)))
                .contains(FlagValue.of(true));
    }

    @Test
    void should_refuse_an_account_for_a_user_that_does_not_exist_and_create_nothing() {
        UUID nobody = UUID.randomUUID();
        assertThatThrownBy(() -> store.security()
                        .createCredential(new NewCredential("ghost", "ghost@example.com", PASSWORD).forUser(nobody)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(nobody.toString());
        assertThat(store.security().findByUsername("ghost")).isEmpty();
    }

    @Test
    void should_erase_a_user_without_accounts_or_metrics_and_leave_other_users_accounts() {
        User plain = user("plain");
        User other = user("other");
        Credential theirs = store.security()
                .createCredential(new NewCredential("other-user", "other@example.com", PASSWORD).forUser(other.id()));

        assertThat(repo().eraseUser(plain.id())).isTrue();
        assertThat(repo().eraseUser(plain.id())).isFalse();

        assertThat(store.security().findCredential(theirs.id())).isPresent();
    }
}

package dev.agentstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.state.RateLimit;
import dev.agentstore.state.RateLimiter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentStoreLifecycleTest {
    @Test
    void should_fail_fast_through_repositories_fetched_before_close() {
        AgentStore store = AgentStore.inMemory();
        ConversationRepository conversations = store.conversations();
        RateLimiter limiter = store.forTenant("acme").rateLimits();
        conversations.upsertUser(NewUser.of("web", "before-close"));

        store.close();

        assertThatThrownBy(() -> conversations.upsertUser(NewUser.of("web", "after-close")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> limiter.tryAcquire("k", RateLimit.of(1, Duration.ofSeconds(1))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void should_close_once_and_ignore_closing_a_tenant_view() {
        AgentStore store = AgentStore.inMemory();
        AgentStore tenant = store.forTenant("acme");

        tenant.close();
        assertThat(tenant.conversations().findUserByExternalId("web", "nobody")).isEmpty();

        store.close();
        store.close();
        assertThatThrownBy(() -> tenant.models().findByName("m")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void should_pass_through_the_backend_exceptions_unwrapped() {
        try (AgentStore store = AgentStore.inMemory()) {
            assertThatThrownBy(() ->
                            store.conversations().updatePreferences(java.util.UUID.randomUUID(), java.util.Map.of()))
                    .isExactlyInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> store.conversations().upsertUser(NewUser.of("web", "\u0000")))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void should_keep_value_semantics_of_object_methods_on_guarded_repositories() {
        try (AgentStore store = AgentStore.inMemory()) {
            assertThat(store.conversations()).isEqualTo(store.conversations()).hasSameHashCodeAs(store.conversations());
            assertThat(store.conversations().toString()).isNotBlank();
        }
    }
}

package dev.agentstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsistencyViewTest {

    @Test
    void should_make_a_view_that_keeps_its_consistency_across_tenants_and_is_never_the_root() {
        try (AgentStore store = AgentStore.inMemory()) {
            AgentStore relaxed = store.withConsistency(Consistency.BOUNDED_STALENESS);

            assertThat(store.consistency()).isEqualTo(Consistency.DEFAULT);
            assertThat(relaxed.consistency()).isEqualTo(Consistency.BOUNDED_STALENESS);
            assertThat(relaxed.tenant()).isEqualTo(store.tenant());
            assertThat(relaxed.forTenant("acme").consistency()).isEqualTo(Consistency.BOUNDED_STALENESS);
            assertThat(relaxed.withConsistency(Consistency.BOUNDED_STALENESS)).isSameAs(relaxed);
            // Store-wide retention is the root's alone, whatever the consistency.
            assertThatThrownBy(() -> relaxed.metricsRetention().dropMonthsBefore(Instant.now()))
                    .isInstanceOf(IllegalStateException.class);
            relaxed.close(); // a view: closing it leaves the store open
            assertThat(store.conversations().upsertUser(NewUser.of("web", "still-open")))
                    .isNotNull();
        }
    }

    @Test
    void should_refuse_a_null_consistency_naming_the_field() {
        try (AgentStore store = AgentStore.inMemory()) {
            assertThatThrownBy(() -> store.withConsistency(null))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("consistency");
        }
    }

    @Test
    void should_read_and_write_the_same_data_in_every_view_of_a_backend_without_replicas() {
        try (AgentStore store = AgentStore.inMemory()) {
            ConversationRepository chats = store.conversations();
            UUID user = chats.upsertUser(NewUser.of("web", "ann")).id();
            UUID chat = chats.createConversation(NewConversation.forUser(user)).id();
            for (Consistency consistency : Consistency.values()) {
                ConversationRepository view = store.withConsistency(consistency).conversations();
                view.append(chat, NewMessage.user(consistency.name(), 1));
                assertThat(view.lastMessages(chat, 10)).hasSize(consistency.ordinal() + 1);
                assertThat(view.findUser(user)).isPresent();
            }
            assertThat(store.forTenant("other").conversations().findConversation(chat))
                    .isEmpty();
        }
    }
}

package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One pooled connection serving two tenants call after call: nothing of one tenant reaches the other. */
class PostgresPoolOfOneIT {
    @Test
    void should_keep_tenants_apart_on_one_connection_switching_every_call() {
        var config = PostgresTestDatabase.shared().storeConfig().toBuilder()
                .set("postgres.pool-size", "1")
                .build();
        try (AgentStore store = AgentStore.open(config)) {
            ConversationRepository a =
                    store.forTenant("pool1-a-" + UUID.randomUUID()).conversations();
            ConversationRepository b =
                    store.forTenant("pool1-b-" + UUID.randomUUID()).conversations();
            Conversation chatA = a.createConversation(NewConversation.forUser(
                    a.upsertUser(NewUser.of("web", "same")).id()));
            Conversation chatB = b.createConversation(NewConversation.forUser(
                    b.upsertUser(NewUser.of("web", "same")).id()));

            for (int i = 0; i < 25; i++) {
                a.append(chatA.id(), NewMessage.user("a" + i, 1));
                b.append(chatB.id(), NewMessage.user("b" + i, 1));
                assertThat(b.findConversation(chatA.id())).isEmpty();
                assertThat(a.findConversation(chatB.id())).isEmpty();
            }

            List<Message> lastOfA = a.lastMessages(chatA.id(), 100);
            assertThat(lastOfA).hasSize(25).allMatch(m -> m.content().startsWith("a"));
            assertThat(b.search(
                            b.findUserByExternalId("web", "same").orElseThrow().id(), "a24", 10))
                    .isEmpty();
            assertThat(a.findUserByExternalId("web", "same").orElseThrow().id())
                    .isNotEqualTo(
                            b.findUserByExternalId("web", "same").orElseThrow().id());
        }
    }
}

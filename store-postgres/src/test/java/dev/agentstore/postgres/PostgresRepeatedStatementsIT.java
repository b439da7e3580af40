package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.ConflictException;
import dev.agentstore.PageRequest;
import dev.agentstore.cache.CacheKey;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.model.ModelFilter;
import dev.agentstore.model.ModelFormat;
import dev.agentstore.model.ModelSpec;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Statements repeated past pgjdbc's prepare threshold (5) run as server-side prepared statements, where null
 * parameters of unspecified type make pgjdbc split the round trip; tenant scoping must hold all the same. One
 * pooled connection also shows that a failed statement leaves the connection clean for the next call.
 */
class PostgresRepeatedStatementsIT {
    private static final int REPEATS = 12;

    @Test
    void should_keep_every_operation_working_after_statements_become_server_prepared() {
        var config = PostgresTestDatabase.shared().storeConfig().toBuilder()
                .set("postgres.pool-size", "1")
                .build();
        try (AgentStore root = AgentStore.open(config)) {
            AgentStore store = root.forTenant("repeat-" + UUID.randomUUID());
            ConversationRepository chats = store.conversations();
            for (int i = 0; i < REPEATS; i++) {
                var user = chats.upsertUser(NewUser.of("web", "user-" + i));
                var session = chats.startSession(user.id(), Map.of());
                chats.touchSession(session.id());
                var chat = chats.createConversation(NewConversation.forUser(user.id()));
                chats.append(chat.id(), NewMessage.user("hello " + i, 2));
                chats.appendAll(chat.id(), java.util.List.of(NewMessage.assistant("hi", 1), NewMessage.user("bye", 1)));
                chats.updateConversation(
                        chat.id(), ConversationUpdate.expecting(1).title("t" + i));
                assertThat(chats.lastMessages(chat.id(), 5)).hasSize(3);
                assertThat(chats.contextWindow(chat.id(), 100).messages()).hasSize(3);

                store.models()
                        .register(ModelSpec.builder("model-" + i, ModelFormat.GGUF)
                                .build());
                assertThat(store.models()
                                .list(ModelFilter.all(), PageRequest.first(100))
                                .items())
                        .hasSize(i + 1);
                CacheKey key = CacheKey.of("m", Map.of("i", i), "prompt");
                store.responseCache().put(key, "answer", Duration.ofMinutes(1), Map.of());
                assertThat(store.responseCache().get(key)).isPresent();

                assertThatThrownBy(() -> chats.updateConversation(chat.id(), ConversationUpdate.expecting(1)))
                        .isInstanceOf(ConflictException.class);
            }
        }
    }
}

package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import dev.agentstore.StoreUnavailableException;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Faults surface as {@link StoreUnavailableException}, leave nothing half-written, and the store recovers. */
class PostgresFaultIT {
    private static final PostgresDatabase DATABASE = PostgresTestDatabase.shared();

    @Test
    void should_survive_a_backend_terminated_mid_append() throws Exception {
        String tenant = "fault-" + UUID.randomUUID();
        try (AgentStore store = AgentStore.open(DATABASE.storeConfig())) {
            ConversationRepository chats = store.forTenant(tenant).conversations();
            Conversation chat = chats.createConversation(NewConversation.forUser(
                    chats.upsertUser(NewUser.of("web", "u")).id()));
            chats.append(chat.id(), NewMessage.user("before", 1));

            try (Connection admin = DATABASE.adminConnection()) {
                admin.setAutoCommit(false);
                lockConversation(admin, chat.id());
                CompletableFuture<Object> append = CompletableFuture.supplyAsync(() -> chats.appendAll(
                        chat.id(), List.of(NewMessage.user("lost-1", 1), NewMessage.user("lost-2", 1))));
                terminateBackendWaitingOnALock(admin);
                assertThatThrownBy(() -> append.get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(StoreUnavailableException.class);
                admin.rollback();
            }

            chats.append(chat.id(), NewMessage.user("after", 1));
            assertThat(chats.lastMessages(chat.id(), 10))
                    .extracting(m -> m.content() + "#" + m.sequence())
                    .containsExactly("before#1", "after#2");
        }
    }

    @Test
    void should_fail_fast_when_postgres_is_unreachable() {
        StoreConfig unreachable = DATABASE.storeConfig().toBuilder()
                .set("postgres.url", "jdbc:postgresql://127.0.0.1:1/nothing")
                .set("postgres.user", "nobody")
                .setSecret("postgres.password", dev.agentstore.Secret.of("x"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> AgentStore.open(unreachable))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("password");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void should_report_postgres_in_health() {
        try (AgentStore store = AgentStore.open(DATABASE.storeConfig())) {
            assertThat(store.health().components()).containsEntry("postgres", "up");
        }
    }

    private static void lockConversation(Connection admin, UUID conversationId) throws SQLException {
        try (PreparedStatement lock =
                admin.prepareStatement("select 1 from agentstore.conversations where id = ? for update")) {
            lock.setObject(1, conversationId);
            lock.executeQuery().close();
        }
    }

    /** Waits until the runtime role's append blocks on the row lock, then terminates that backend. */
    private static void terminateBackendWaitingOnALock(Connection admin) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (PreparedStatement find = admin.prepareStatement(
                    "select pid from pg_stat_activity" + " where usename = ? and wait_event_type = 'Lock'")) {
                find.setString(1, DATABASE.runtimeRole());
                try (ResultSet rows = find.executeQuery()) {
                    if (rows.next()) {
                        try (PreparedStatement kill = admin.prepareStatement("select pg_terminate_backend(?)")) {
                            kill.setInt(1, rows.getInt(1));
                            kill.executeQuery().close();
                            return;
                        }
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the append never waited on the lock");
    }
}

package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.PageRequest;
import dev.agentstore.StoreUnavailableException;
import dev.agentstore.context.ContextOptions;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the application sees after PostgreSQL dropped every pooled connection at once (a failover, a restart, an
 * administrator's {@code pg_terminate_backend}): each read is answered, sent again once on a fresh connection when
 * its first one was dead; a write on a dead connection fails once and is never sent again; and the pool lets go of
 * its other dead connections, so the calls after it succeed.
 *
 * <p>HikariCP tests a connection before handing it out only when it sat idle longer than its alive-bypass window
 * (half a second); a busy application uses its connections more often than that, so it is handed the dead ones
 * untested. The window is widened for this class's pools so the test is that application whatever the machine's
 * speed.
 */
class PostgresLostConnectionIT {
    private static final String ALIVE_BYPASS_WINDOW = "com.zaxxer.hikari.aliveBypassWindowMs";
    private static PostgresDatabase database;
    private static String bypassWindowBefore;

    private AgentStore opened;
    private AgentStore store;
    private ConversationRepository chats;
    private Conversation chat;

    @BeforeAll
    static void createDatabase() {
        bypassWindowBefore = System.setProperty(ALIVE_BYPASS_WINDOW, "600000");
        database = PostgresTestDatabase.create();
        AgentStore.open(database.storeConfig().toBuilder().migrateOnOpen(true).build())
                .close();
    }

    @AfterAll
    static void restoreBypassWindow() {
        if (bypassWindowBefore == null) {
            System.clearProperty(ALIVE_BYPASS_WINDOW);
        } else {
            System.setProperty(ALIVE_BYPASS_WINDOW, bypassWindowBefore);
        }
    }

    @BeforeEach
    void openStoreWithAFullPool() throws Exception {
        opened = AgentStore.open(database.storeConfig());
        store = opened.forTenant("lost-" + UUID.randomUUID());
        chats = store.conversations();
        chat = chats.createConversation(
                NewConversation.forUser(chats.upsertUser(NewUser.of("web", "u")).id()));
        chats.appendAll(chat.id(), List.of(NewMessage.user("before", 5), NewMessage.assistant("noted", 5)));
        fillThePool();
    }

    @AfterEach
    void closeStore() {
        opened.close();
    }

    @Test
    void should_answer_every_read_after_all_pooled_connections_were_terminated() {
        assertThat(database.terminateRuntimeSessions()).isGreaterThanOrEqualTo(2);

        assertThat(chats.lastMessages(chat.id(), 10))
                .extracting(Message::content)
                .containsExactly("before", "noted");
        assertThat(chats.contextWindow(chat.id(), 100).messages()).hasSize(2);
        assertThat(chats.findConversation(chat.id())).isPresent();
        assertThat(chats.history(chat.id(), HistoryOrder.OLDEST_FIRST, PageRequest.first(10))
                        .items())
                .hasSize(2);
        assertThat(chats.listConversations(chat.userId(), ConversationStatus.ACTIVE, PageRequest.first(10))
                        .items())
                .hasSize(1);
        assertThat(store.contextAssembly()
                        .assembleContext(chat.id(), 100, ContextOptions.DEFAULTS)
                        .recent())
                .hasSize(2);
    }

    @Test
    void should_fail_a_write_on_a_dead_connection_once_without_sending_it_again() {
        assertThat(database.terminateRuntimeSessions()).isGreaterThanOrEqualTo(2);

        assertThatThrownBy(() -> chats.append(chat.id(), NewMessage.user("lost", 5)))
                .isInstanceOf(StoreUnavailableException.class);
        // The pool dropped its other dead connections: the next writes succeed at once.
        for (int i = 1; i <= 3; i++) {
            chats.append(chat.id(), NewMessage.user("after-" + i, 5));
        }

        assertThat(chats.lastMessages(chat.id(), 10))
                .extracting(Message::content)
                .containsExactly("before", "noted", "after-1", "after-2", "after-3");
    }

    /** Four threads read at once, so the pool holds several connections (up to its four), all used a moment ago. */
    private void fillThePool() throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                running.add(readers.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        chats.lastMessages(chat.id(), 10);
                    }
                }));
            }
            for (Future<?> reader : running) {
                reader.get();
            }
        } finally {
            readers.shutdown();
        }
    }
}

package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The connection budget README states: an application instance holds at most {@code postgres.pool-size} connections
 * as the runtime role, however many threads call it, so N instances need N x pool-size of PostgreSQL's
 * {@code max_connections}. Three instances (three stores, as three JVMs would open them) with pools of three serve
 * eight busy threads each while the server's own count of their sessions is sampled.
 */
class PostgresConnectionBudgetIT {
    private static final int INSTANCES = 3;
    private static final int POOL_SIZE = 3;
    private static final int THREADS_PER_INSTANCE = 8;
    private static final int CALLS_PER_THREAD = 60;

    @Test
    void should_hold_no_more_runtime_connections_than_instances_times_pool_size() throws Exception {
        PostgresDatabase database = PostgresTestDatabase.create();
        AgentStore.open(database.storeConfig().toBuilder().migrateOnOpen(true).build())
                .close();
        List<AgentStore> instances = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(INSTANCES * THREADS_PER_INSTANCE);
        AtomicBoolean busy = new AtomicBoolean(true);
        AtomicInteger most = new AtomicInteger();
        Thread sampler = new Thread(() -> sample(database, busy, most), "connection-sampler");
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                AgentStore store = AgentStore.open(database.storeConfig().toBuilder()
                        .set("postgres.pool-size", Integer.toString(POOL_SIZE))
                        .build());
                instances.add(store);
                ConversationRepository chats = store.forTenant("budget-" + i).conversations();
                Conversation chat = chats.createConversation(NewConversation.forUser(
                        chats.upsertUser(NewUser.of("web", "u" + i)).id()));
                for (int t = 0; t < THREADS_PER_INSTANCE; t++) {
                    calls.add(callers.submit(() -> converse(chats, chat)));
                }
            }
            sampler.start();
            for (Future<?> call : calls) {
                call.get(120, TimeUnit.SECONDS);
            }
        } finally {
            busy.set(false);
            sampler.join();
            callers.shutdownNow();
            instances.forEach(AgentStore::close);
        }

        assertThat(most.get()).isGreaterThan(POOL_SIZE).isLessThanOrEqualTo(INSTANCES * POOL_SIZE);
    }

    private static void converse(ConversationRepository chats, Conversation chat) {
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
            chats.append(chat.id(), NewMessage.user("turn " + i + " " + UUID.randomUUID(), 3));
            chats.lastMessages(chat.id(), 20);
            chats.history(chat.id(), HistoryOrder.NEWEST_FIRST, PageRequest.first(10));
        }
    }

    /** Keeps the largest number of sessions the runtime role had open at once while {@code busy}. */
    private static void sample(PostgresDatabase database, AtomicBoolean busy, AtomicInteger most) {
        try (Connection admin = database.adminConnection();
                PreparedStatement count = admin.prepareStatement("select count(*) from pg_stat_activity"
                        + " where usename = ? and datname = current_database()")) {
            count.setString(1, database.runtimeRole());
            while (busy.get()) {
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    most.accumulateAndGet(rows.getInt(1), Math::max);
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not sample the runtime role's sessions", e);
        }
    }
}

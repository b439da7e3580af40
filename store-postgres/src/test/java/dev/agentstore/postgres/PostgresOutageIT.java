package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import dev.agentstore.StoreUnavailableException;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.testkit.fixture.LocalPostgres;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outages on a PostgreSQL of this class's own (so stopping it disturbs no other test): a pool of two held by two
 * blocked callers makes a third fail typed within the timeout and recovers, with HikariCP's leak detection on and
 * silent; with the server stopped for 10 s every call fails fast, and calls succeed again within 5 s of the
 * restart.
 */
class PostgresOutageIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private static LocalPostgres server;
    private static PostgresDatabase database;

    @BeforeAll
    static void start() {
        server = LocalPostgres.launch();
        database = PostgresDatabase.create(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void should_refuse_a_third_caller_on_a_pool_of_two_in_time_and_recover_without_leaks() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (AgentStore store = open();
                Connection admin = database.adminConnection()) {
            AgentStore tenant = store.forTenant("pool-" + UUID.randomUUID());
            Conversation chat = chat(tenant);
            admin.setAutoCommit(false);
            try (Statement lock = admin.createStatement()) {
                lock.execute("lock table agentstore.models in access exclusive mode");
            }
            List<Future<?>> blocked = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                blocked.add(callers.submit(() -> tenant.models().findByName("gpt")));
            }
            Thread.sleep(300); // both now hold a pooled connection, waiting for the lock

            long start = System.nanoTime();
            assertThatThrownBy(() -> tenant.conversations().findConversation(chat.id()))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(3));

            admin.commit();
            for (Future<?> call : blocked) {
                call.get(10, TimeUnit.SECONDS);
            }
            assertThat(tenant.conversations().findConversation(chat.id())).isPresent();
            Thread.sleep(2_500); // past the leak-detection threshold: a connection never returned would be reported
        } finally {
            callers.shutdownNow();
            System.setErr(err);
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContainIgnoringCase("leak detection");
    }

    @Test
    void should_fail_fast_while_postgres_is_down_and_work_within_5_s_of_the_restart() throws Exception {
        try (AgentStore store = open()) {
            AgentStore tenant = store.forTenant("down-" + UUID.randomUUID());
            Conversation chat = chat(tenant);
            server.stop();
            try {
                long downUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                int calls = 0;
                while (System.nanoTime() < downUntil) {
                    long start = System.nanoTime();
                    assertThatThrownBy(() -> tenant.conversations().append(chat.id(), NewMessage.user("lost", 1)))
                            .isInstanceOf(StoreUnavailableException.class);
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(3));
                    calls++;
                    Thread.sleep(250);
                }
                assertThat(calls).isGreaterThan(5);
            } finally {
                server.start();
            }
            long restarted = System.nanoTime();
            while (true) {
                try {
                    tenant.conversations().append(chat.id(), NewMessage.user("after", 1));
                    break;
                } catch (StoreUnavailableException e) {
                    assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isLessThan(Duration.ofSeconds(5));
                    Thread.sleep(100);
                }
            }
            assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isLessThan(Duration.ofSeconds(5));
            assertThat(tenant.conversations().lastMessages(chat.id(), 10))
                    .extracting(m -> m.content())
                    .as("nothing of the failed appends is visible")
                    .containsExactly("first", "after");
        }
    }

    private static AgentStore open() {
        StoreConfig config = database.storeConfig().toBuilder()
                .set("postgres.pool-size", "2")
                .set("timeout", TIMEOUT.toString())
                .set("postgres.leak-detection", "PT2S")
                .migrateOnOpen(true)
                .build();
        return AgentStore.open(config);
    }

    private static Conversation chat(AgentStore tenant) {
        Conversation chat = tenant.conversations()
                .createConversation(NewConversation.forUser(tenant.conversations()
                        .upsertUser(NewUser.of("web", "ann"))
                        .id()));
        tenant.conversations().append(chat.id(), NewMessage.user("first", 1));
        return chat;
    }
}

package dev.agentstore.postgres;

import static dev.agentstore.testkit.fixture.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.ConflictException;
import dev.agentstore.Consistency;
import dev.agentstore.NotFoundException;
import dev.agentstore.PageRequest;
import dev.agentstore.Secret;
import dev.agentstore.conversation.ChatSession;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.LoginResult;
import dev.agentstore.security.LoginStatus;
import dev.agentstore.security.NewCredential;
import dev.agentstore.testkit.fixture.LocalPostgres;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.ReplicatedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads on a real streaming replica ({@code pg_basebackup} + hot standby, started by the fixtures on loopback): which
 * reads it answers under each {@link Consistency}, that a replica lagging more than {@code postgres.replica-max-lag}
 * is skipped, and that stopping it mid-run fails no call.
 *
 * <p>Routing is observed, not assumed: with the standby's replay paused ({@code pg_wal_replay_pause()}), a write on the
 * primary is invisible to every read the replica answers and visible to every read the primary answers.
 */
class PostgresReadReplicaIT {
    private static final Duration MAX_LAG = Duration.ofSeconds(3);
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(100);

    private static ReplicatedPostgres servers;
    private static LocalPostgres primary;
    private static LocalPostgres standby;
    private static PostgresDatabase database;

    private AgentStore opened;
    private AgentStore store;
    private ConversationRepository chats;
    private Conversation chat;

    @BeforeAll
    static void startPrimaryAndStandby() {
        servers = ReplicatedPostgres.start();
        primary = servers.primary();
        standby = servers.standby();
        database = servers.database();
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @BeforeEach
    void openStoreWithAReplica() {
        opened = AgentStore.open(servers.storeConfig(MAX_LAG, CHECK_INTERVAL));
        store = opened.forTenant("replica-" + UUID.randomUUID());
        chats = store.conversations();
        chat = chats.createConversation(NewConversation.forUser(
                chats.upsertUser(NewUser.of("web", "ann")).id()));
        chats.append(chat.id(), NewMessage.user("first question", 3));
        awaitReplicaInUse();
    }

    @AfterEach
    void resumeAndClose() {
        if (!standby.isRunning()) {
            standby.start();
        }
        standby.resumeReplay();
        opened.close();
    }

    @Test
    void should_answer_lag_tolerant_reads_on_the_replica_and_the_callers_own_reads_on_the_primary() {
        standby.pauseReplay();
        chats.append(chat.id(), NewMessage.assistant("second answer", 3));
        Conversation later = chats.createConversation(NewConversation.forUser(chat.userId()));

        // On the replica, which has not replayed the append: history pages and search.
        assertThat(history(store)).containsExactly("first question");
        assertThat(chats.search(chat.userId(), "answer", 10)).isEmpty();
        // On the primary: the latest messages, the context window, a lookup by id.
        assertThat(chats.lastMessages(chat.id(), 10))
                .extracting(Message::content)
                .containsExactly("first question", "second answer");
        assertThat(chats.contextWindow(chat.id(), 100).messages()).hasSize(2);
        assertThat(chats.findConversation(later.id())).isPresent();
        // A view that asks for read-your-writes reads everything on the primary.
        AgentStore fresh = store.withConsistency(Consistency.READ_YOUR_WRITES);
        assertThat(history(fresh)).containsExactly("first question", "second answer");
        assertThat(fresh.conversations().search(chat.userId(), "answer", 10))
                .extracting(hit -> hit.message().content())
                .containsExactly("second answer");
        // A view that accepts bounded staleness reads the latest messages on the replica too.
        AgentStore relaxed = store.withConsistency(Consistency.BOUNDED_STALENESS);
        assertThat(relaxed.conversations().lastMessages(chat.id(), 10))
                .extracting(Message::content)
                .containsExactly("first question");
        assertThat(relaxed.conversations().findConversation(later.id())).isEmpty();
    }

    @Test
    void should_skip_a_replica_that_lags_more_than_the_maximum_and_use_it_again_once_it_catches_up() {
        standby.pauseReplay();
        chats.append(chat.id(), NewMessage.assistant("second answer", 3));
        assertThat(history(store)).containsExactly("first question");

        // Replay stays paused: the only way to see the append is the primary, once the replica is too far behind.
        long pausedAt = System.nanoTime();
        await(() -> history(store).size() == 2);
        assertThat(Duration.ofNanos(System.nanoTime() - pausedAt)).isLessThan(MAX_LAG.plusSeconds(5));

        standby.resumeReplay();
        awaitReplicaInUse();
        standby.pauseReplay();
        chats.append(chat.id(), NewMessage.user("third question", 3));
        assertThat(history(store)).containsExactly("first question", "second answer");
    }

    @Test
    void should_keep_writes_and_the_reads_they_depend_on_on_the_primary_in_every_view() {
        AgentStore relaxed = store.withConsistency(Consistency.BOUNDED_STALENESS);
        ConversationRepository relaxedChats = relaxed.conversations();
        standby.pauseReplay();

        Conversation created = relaxedChats.createConversation(NewConversation.forUser(chat.userId()));
        // Appending checks the conversation exists, and an update reads its version on failure: both on the primary.
        relaxedChats.append(created.id(), NewMessage.user("into a new conversation", 4));
        relaxedChats.updateConversation(
                created.id(), ConversationUpdate.expecting(created.version()).title("t"));
        assertThatThrownBy(() -> relaxedChats.updateConversation(
                        created.id(),
                        ConversationUpdate.expecting(created.version()).title("stale")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("version");

        // Security never reads on a replica: an account linked to a user created a moment ago, and logging in to it.
        Secret password = Secret.of("correct horse battery staple 42");
        UUID ann = relaxedChats.upsertUser(NewUser.of("web", "ann-account")).id();
        relaxed.security().createCredential(new NewCredential("ann", "ann@example.com", password, ann));
        LoginResult login = relaxed.security().verifyPassword("ann", password, LoginContext.unknown());
        assertThat(login.status()).isEqualTo(LoginStatus.SUCCESS);
    }

    @Test
    void should_erase_a_user_everywhere_from_what_the_primary_holds_not_a_lagging_replica() {
        for (Consistency consistency : Consistency.values()) {
            AgentStore view = store.withConsistency(consistency);
            UUID user = view.conversations()
                    .upsertUser(NewUser.of("web", "erased-" + consistency))
                    .id();
            standby.pauseReplay();
            ChatSession session = view.conversations().startSession(user, Map.of());
            view.sessions().put(session.id().toString(), Map.of("k", "v"), Duration.ofHours(1));

            view.conversations().eraseUser(user);

            assertThat(view.sessions().get(session.id().toString()))
                    .as("the cached session of a user erased through a %s view", consistency)
                    .isEmpty();
            standby.resumeReplay();
            awaitReplicaInUse();
        }
    }

    @Test
    void should_drop_an_erased_users_conversations_from_the_recent_context_cache_while_the_replica_lags() {
        try (AgentStore cached = AgentStore.open(servers.storeConfig(MAX_LAG, CHECK_INTERVAL).toBuilder()
                .provider("context-cache", "memory")
                .build())) {
            ConversationRepository conversations =
                    cached.forTenant(store.tenant()).conversations();
            UUID user = conversations.upsertUser(NewUser.of("web", "cached")).id();
            awaitReplicaInUse();
            standby.pauseReplay();
            Conversation fresh = conversations.createConversation(NewConversation.forUser(user));
            conversations.append(fresh.id(), NewMessage.user("private words", 2));
            assertThat(conversations.lastMessages(fresh.id(), 10)).hasSize(1); // now cached

            conversations.eraseUser(user);

            assertThatThrownBy(() -> conversations.lastMessages(fresh.id(), 10)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void should_answer_every_read_while_the_replica_is_stopped_mid_run_and_use_it_again_once_back() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(2);
        List<Future<?>> loops = new ArrayList<>();
        for (Consistency consistency : List.of(Consistency.DEFAULT, Consistency.BOUNDED_STALENESS)) {
            AgentStore view = store.withConsistency(consistency);
            loops.add(readers.submit(() -> {
                while (running.get()) {
                    assertThat(history(view)).startsWith("first question");
                    assertThat(view.conversations().lastMessages(chat.id(), 5)).isNotEmpty();
                    reads.incrementAndGet();
                }
                return null;
            }));
        }
        try {
            Thread.sleep(300);
            standby.stop();
            int atStop = reads.get();
            Thread.sleep(1_500);
            assertThat(reads.get())
                    .as("reads answered while the replica was down")
                    .isGreaterThan(atStop + 10);
            standby.start();
            Thread.sleep(300);
        } finally {
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(); // rethrows the first failed read
            }
            readers.shutdown();
        }

        // Back in use once a check finds it well and caught up: a message appended while replay is paused is then
        // missing from a history page.
        AtomicInteger probes = new AtomicInteger();
        await(() -> {
            standby.resumeReplay();
            standby.awaitReplayOf(primary, Duration.ofSeconds(15));
            standby.pauseReplay();
            String probe = "probe " + probes.incrementAndGet();
            chats.append(chat.id(), NewMessage.user(probe, 2));
            return !history(store).contains(probe);
        });
    }

    @Test
    void should_take_turns_between_replicas() {
        try (LocalPostgres second = primary.startStandby();
                AgentStore two = AgentStore.open(servers.storeConfig(MAX_LAG, CHECK_INTERVAL).toBuilder()
                        .set("postgres.replica-urls", servers.urlOn(standby) + "," + servers.urlOn(second))
                        .build())) {
            second.awaitReplayOf(primary, Duration.ofSeconds(15));
            awaitReplicaInUse();
            AgentStore view = two.forTenant(store.tenant());
            standby.pauseReplay(); // the first replica stops at one message, the second goes on replaying
            chats.append(chat.id(), NewMessage.assistant("second answer", 3));
            second.awaitReplayOf(primary, Duration.ofSeconds(15));

            List<Integer> seen = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                seen.add(history(view).size());
            }
            assertThat(seen)
                    .as("history pages answered by each replica in turn")
                    .isIn(List.of(1, 2, 1, 2, 1, 2), List.of(2, 1, 2, 1, 2, 1));
        }
    }

    /** Waits until the standby has replayed all the primary wrote, and the store's checks have seen it do so. */
    private static void awaitReplicaInUse() {
        servers.awaitStandbyCheckedCaughtUp(CHECK_INTERVAL);
    }

    private List<String> history(AgentStore view) {
        return view
                .conversations()
                .history(chat.id(), HistoryOrder.OLDEST_FIRST, PageRequest.first(50))
                .items()
                .stream()
                .map(Message::content)
                .toList();
    }
}

package dev.agentstore.postgres;

import static dev.agentstore.testkit.fixture.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.testkit.fixture.LocalPostgres;
import dev.agentstore.testkit.fixture.ReplicatedPostgres;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a store tells about its read replicas, on a real streaming replica: the gauges ({@code
 * agentstore.postgres.replica.lag} follows the replica's provable staleness, {@code agentstore.postgres.replica.usable}
 * says whether reads go to it, and both leave the registry with the store) and the health details (in use or skipped
 * and why, while the store stays up).
 */
class PostgresReplicaStatusIT {
    private static final Duration MAX_LAG = Duration.ofSeconds(2);
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(100);
    private static final long PAGE = 8_192; // wal_block_size of the test server

    private static ReplicatedPostgres servers;
    private static LocalPostgres standby;

    @BeforeAll
    static void startPrimaryAndStandby() {
        servers = ReplicatedPostgres.start();
        standby = servers.standby();
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void should_report_each_replicas_lag_and_use_in_gauges_and_health_details_and_remove_the_gauges_on_close() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (AgentStore store = AgentStore.builder(servers.storeConfig(MAX_LAG, CHECK_INTERVAL))
                .meterRegistry(registry)
                .open()) {
            ConversationRepository chats =
                    store.forTenant("meters-" + UUID.randomUUID()).conversations();
            UUID chat = chats.createConversation(NewConversation.forUser(
                            chats.upsertUser(NewUser.of("web", "ann")).id()))
                    .id();
            servers.awaitStandbyCheckedCaughtUp(CHECK_INTERVAL);
            assertThat(usable(registry)).isEqualTo(1.0);
            assertThat(lag(registry)).isBetween(0.0, (double) MAX_LAG.toSeconds());
            assertThat(store.health().details())
                    .containsOnlyKeys("postgres.replica-1")
                    .hasEntrySatisfying(
                            "postgres.replica-1", line -> assertThat(line).matches("in use, \\d+\\.\\d s behind"));

            standby.pauseReplay();
            try {
                chats.append(chat, NewMessage.user("written while the replica stands still", 6));
                await(() -> usable(registry) == 0.0);
                assertThat(lag(registry))
                        .as("the lag once the replica is skipped")
                        .isGreaterThan((double) MAX_LAG.toSeconds());
                assertThat(store.health().details().get("postgres.replica-1"))
                        .matches("skipped: \\d+\\.\\d s behind, more than the 2\\.0 s allowed");
                assertThat(store.health().isUp())
                        .as("the store, whose primary answers")
                        .isTrue();
            } finally {
                standby.resumeReplay();
            }
            await(() -> usable(registry) == 1.0);
            assertThat(lag(registry)).isLessThan((double) MAX_LAG.toSeconds());
        }
        assertThat(registry.find("agentstore.postgres.replica.lag").gauges()).isEmpty();
        assertThat(registry.find("agentstore.postgres.replica.usable").gauges()).isEmpty();
    }

    @Test
    void should_say_why_a_stopped_replica_is_skipped_in_the_health_details() {
        try (AgentStore store = AgentStore.open(servers.storeConfig(MAX_LAG, CHECK_INTERVAL))) {
            servers.awaitStandbyCheckedCaughtUp(CHECK_INTERVAL);
            standby.stop();
            try {
                await(() -> store.health().details().get("postgres.replica-1").startsWith("skipped: its check failed"));
                assertThat(store.health().details().get("postgres.replica-1"))
                        .matches("skipped: its check failed \\((SQL state \\w+|\\w+)\\)")
                        .doesNotContain(servers.urlOn(standby));
                assertThat(store.health().isUp()).isTrue();
            } finally {
                standby.start();
            }
        }
    }

    @Test
    void should_keep_using_a_replica_of_an_idle_primary_whose_last_record_ended_on_a_page_boundary() throws Exception {
        try (AgentStore store = AgentStore.open(servers.storeConfig(MAX_LAG, CHECK_INTERVAL));
                Connection admin = servers.database().adminConnection()) {
            servers.awaitStandbyCheckedCaughtUp(CHECK_INTERVAL);
            for (int attempt = 0; attempt < 5; attempt++) {
                long insert = endWalOnAPageBoundary(admin);
                standby.awaitReplayOf(servers.primary(), Duration.ofSeconds(15));

                // Nothing is written now: the insert position stays past the next page's header, where no replay ends.
                Thread.sleep(MAX_LAG.plusSeconds(1).toMillis());
                if (insertPosition(admin) != insert) {
                    continue; // the server wrote a record of its own meanwhile (a standby snapshot): again
                }
                assertThat(store.health().details().get("postgres.replica-1")).startsWith("in use");
                return;
            }
            throw new AssertionError("the primary never stayed idle for " + MAX_LAG.plusSeconds(1) + " in 5 tries");
        }
    }

    /**
     * Writes non-transactional logical messages (WAL records and nothing else) sized so that the last one ends exactly
     * at the end of a WAL page, and returns the insert position then: just past the next page's header.
     */
    private static long endWalOnAPageBoundary(Connection admin) throws SQLException {
        for (int attempt = 0; attempt < 50; attempt++) {
            long before = insertPosition(admin);
            emit(admin, 200);
            long after = insertPosition(admin);
            if (before / PAGE != after / PAGE) {
                continue; // the probe crossed a page: its length includes a header
            }
            long overhead = after - before - 200;
            long payload = PAGE - after % PAGE - overhead;
            if (payload < 1) {
                continue;
            }
            emit(admin, payload);
            long insert = insertPosition(admin);
            if (insert % PAGE == 24) {
                return insert;
            }
        }
        throw new AssertionError("could not end the WAL on a page boundary in 50 attempts");
    }

    private static long insertPosition(Connection admin) throws SQLException {
        try (PreparedStatement statement =
                        admin.prepareStatement("select (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void emit(Connection admin, long payload) throws SQLException {
        try (PreparedStatement statement =
                admin.prepareStatement("select pg_logical_emit_message(false, 'agentstore-test', repeat('x', ?))")) {
            statement.setInt(1, Math.toIntExact(payload));
            statement.execute();
        }
    }

    private static double lag(SimpleMeterRegistry registry) {
        return gauge(registry, "agentstore.postgres.replica.lag").value();
    }

    private static double usable(SimpleMeterRegistry registry) {
        return gauge(registry, "agentstore.postgres.replica.usable").value();
    }

    private static Gauge gauge(SimpleMeterRegistry registry, String name) {
        return registry.get(name).tag("replica", "1").gauge();
    }
}

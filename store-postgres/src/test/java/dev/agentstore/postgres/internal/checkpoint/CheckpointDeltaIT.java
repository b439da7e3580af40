package dev.agentstore.postgres.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.PageRequest;
import dev.agentstore.checkpoint.Checkpoint;
import dev.agentstore.checkpoint.CheckpointRepository;
import dev.agentstore.checkpoint.NewCheckpoint;
import dev.agentstore.testkit.MutableClock;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints stored as patches against their parent: a thread whose message list grows by one message a step keeps
 * most rows as small patches (cut to a whole state every 16), reads every state back whole, and keeps kept states
 * whole when the TTL removes their base; a store that did not write the parent writes the whole state.
 */
class CheckpointDeltaIT {
    private static PostgresDatabase database;
    private static MutableClock clock;
    private static AgentStore store;

    @BeforeAll
    static void open() {
        database = PostgresDatabase.create(TestServers.postgres());
        clock = MutableClock.startingNow();
        store = AgentStore.open(
                database.storeConfig().toBuilder().migrateOnOpen(true).build(), clock);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static Map<String, Object> state(int step) {
        List<Object> messages = new ArrayList<>();
        for (int i = 0; i < 40 + step; i++) {
            messages.add(Map.of("role", i % 2 == 0 ? "user" : "ai", "content", words(i)));
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("messages", messages);
        state.put("step", (long) step);
        state.put("plan", Map.of("city", "Lyon", "days", (long) step));
        state.put("note", step % 5 == 0 ? null : "going on");
        return state;
    }

    /** About 250 characters of text that compresses like prose, not like a repeated phrase. */
    private static String words(int seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        while (text.length() < 250) {
            for (int c = 0, n = 2 + random.nextInt(8); c < n; c++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append(' ');
        }
        return text.toString();
    }

    @Test
    void should_store_patches_read_them_whole_and_keep_them_whole_past_the_ttl() throws SQLException {
        CheckpointRepository checkpoints = store.forTenant("deltas").checkpoints();
        Map<String, Map<String, Object>> expected = new HashMap<>();
        Instant cutoff = null;
        for (int step = 1; step <= 30; step++) {
            String id = String.format("%03d", step);
            String parent = step == 1 ? null : String.format("%03d", step - 1);
            checkpoints.put(NewCheckpoint.of("thread", id, parent, state(step)));
            expected.put(id, state(step));
            clock.advance(Duration.ofSeconds(1));
            if (step == 10) {
                cutoff = clock.instant();
            }
        }

        assertThat(count("delta")).as("rows 2-17 and 19-30 are patches").isEqualTo(28);
        assertThat(bytes("delta") / 28)
                .as("a patch, on average, against a whole state stored (TOAST-compressed)")
                .isLessThan(bytes("not delta") / 2 / 5);
        for (Map.Entry<String, Map<String, Object>> e : expected.entrySet()) {
            assertThat(checkpoints.find("thread", "", e.getKey()))
                    .hasValueSatisfying(
                            c -> assertThat(c.state()).as(e.getKey()).isEqualTo(e.getValue()));
        }
        assertThat(checkpoints.latest("thread", ""))
                .hasValueSatisfying(c -> assertThat(c.state()).isEqualTo(state(30)));
        List<Checkpoint> newestFirst =
                checkpoints.history("thread", "", PageRequest.first(30)).items();
        assertThat(newestFirst).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(newestFirst.get(i).state()).as("history item " + i).isEqualTo(state(30 - i));
        }

        assertThat(checkpoints.deleteOlderThan(cutoff)).isEqualTo(10);

        for (int step = 11; step <= 30; step++) {
            String id = String.format("%03d", step);
            assertThat(checkpoints.find("thread", "", id))
                    .hasValueSatisfying(c -> assertThat(c.state()).as(id).isEqualTo(state(Integer.parseInt(id))));
        }
        try (AgentStore other = AgentStore.open(database.storeConfig(), clock)) {
            Checkpoint next =
                    other.forTenant("deltas").checkpoints().put(NewCheckpoint.of("thread", "031", "030", state(31)));
            assertThat(next.state()).isEqualTo(state(31));
        }
        assertThat(checkpoints.find("thread", "", "031"))
                .hasValueSatisfying(c -> assertThat(c.state()).isEqualTo(state(31)));
        assertThat(count("checkpoint_id = '031' and not delta"))
                .as("a store without the parent's state")
                .isOne();
    }

    private static long count(String where) throws SQLException {
        return single("select count(*) from agentstore.checkpoints where tenant_id = 'deltas' and " + where);
    }

    private static long bytes(String where) throws SQLException {
        return single("select coalesce(sum(pg_column_size(state)), 0) from agentstore.checkpoints"
                + " where tenant_id = 'deltas' and " + where);
    }

    private static long single(String sql) throws SQLException {
        try (Connection admin = database.adminConnection();
                PreparedStatement statement = admin.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}

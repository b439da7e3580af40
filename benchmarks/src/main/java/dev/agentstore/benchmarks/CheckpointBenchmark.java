package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.checkpoint.CheckpointRepository;
import dev.agentstore.checkpoint.NewCheckpoint;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A checkpoint write of a 10 KB state (issue 26, target at most 1.2x): agentstore's {@code put} (validation, one
 * transaction with the tenant set and one {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING RETURNING} that also
 * checks the parent) against raw JDBC under the same row-level security: the runtime role, a transaction that sets
 * the tenant and inserts the same row with a prepared statement, the state serialized with Jackson on each call as
 * an application would. Each step changes a counter and a scratch note and carries the conversation over, so
 * agentstore stores most steps as a patch against the parent (raw JDBC writes the whole row). Each thread's
 * checkpoints chain by parent (a foreign key both sides pay). The table is
 * analysed after the warm-up round. The sides take turns in blocks of 50 calls,
 * 2,000 writes per side and round after a warm-up round; medians of the rounds' p50, p99 and writes per second.
 */
public final class CheckpointBenchmark {
    private static final int WRITES = 2_000;
    private static final int BLOCK = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CheckpointBenchmark() {}

    /** Runs {@code args[0]} rounds (default 5) and prints the table. */
    public static void main(String[] args) throws SQLException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        Map<String, Object> state = state();
        int bytes = JSON.writeValueAsString(state).length();
        try (AgentStore store = AgentStore.open(BenchmarkConfig.of(database));
                Connection raw = database.runtimeConnection()) {
            raw.setAutoCommit(false);
            CheckpointRepository checkpoints = store.forTenant("ours").checkpoints();
            RawCheckpoints rawSide = new RawCheckpoints(raw, "raw");
            double[][] results = new double[6][rounds];
            for (int round = -1; round < rounds; round++) {
                Samples ours = new Samples();
                Samples theirs = new Samples();
                String thread = "thread-" + (round + 1);
                for (int block = 0; block < WRITES / BLOCK; block++) {
                    boolean oursFirst = block % 2 == 0;
                    for (int turn = 0; turn < 2; turn++) {
                        boolean oursTurn = oursFirst == (turn == 0);
                        for (int i = block * BLOCK; i < (block + 1) * BLOCK; i++) {
                            String id = String.format(Locale.ROOT, "%08d", i);
                            String parent = i == 0 ? null : String.format(Locale.ROOT, "%08d", i - 1);
                            if (oursTurn) {
                                Map<String, Object> step = step(state, i);
                                ours.time(() -> checkpoints.put(NewCheckpoint.of(thread, id, parent, step)));
                            } else {
                                Map<String, Object> step = step(state, i);
                                theirs.time(() -> rawSide.insert(thread, id, parent, step));
                            }
                        }
                    }
                }
                if (round < 0) {
                    // Plans cached while the table was empty (the parent foreign key's check among them) scan it;
                    // statistics after the warm-up replan them, as autovacuum's first analyze does in production.
                    database.executeAsAdmin("analyze agentstore.checkpoints");
                } else {
                    results[0][round] = theirs.percentileMillis(0.50);
                    results[1][round] = theirs.percentileMillis(0.99);
                    results[2][round] = theirs.callsPerSecond();
                    results[3][round] = ours.percentileMillis(0.50);
                    results[4][round] = ours.percentileMillis(0.99);
                    results[5][round] = ours.callsPerSecond();
                }
            }
            System.out.printf(Locale.ROOT, "state: %,d bytes of JSON%n%n", bytes);
            System.out.println("| side | p50 ms | p99 ms | writes/s |");
            System.out.println("| --- | ---: | ---: | ---: |");
            System.out.printf(
                    Locale.ROOT,
                    "| raw JDBC insert under row-level security | %.3f | %.3f | %.0f |%n",
                    Samples.median(results[0]),
                    Samples.median(results[1]),
                    Samples.median(results[2]));
            System.out.printf(
                    Locale.ROOT,
                    "| agentstore checkpoints().put | %.3f | %.3f | %.0f |%n",
                    Samples.median(results[3]),
                    Samples.median(results[4]),
                    Samples.median(results[5]));
            System.out.printf(
                    Locale.ROOT,
                    "%nagentstore vs raw: p50 %.2fx, p99 %.2fx, throughput %.2fx (medians of %d rounds)%n",
                    Samples.median(results[3]) / Samples.median(results[0]),
                    Samples.median(results[4]) / Samples.median(results[1]),
                    Samples.median(results[5]) / Samples.median(results[2]),
                    rounds);
        }
    }

    /** The state after step {@code i}: the conversation carried over, the step counter and a scratch note new. */
    private static Map<String, Object> step(Map<String, Object> state, int i) {
        Map<String, Object> next = new LinkedHashMap<>(state);
        next.put("step", (long) i);
        next.put(
                "scratch",
                "thinking about step " + i + ": "
                        + Long.toHexString(i * 2654435761L).repeat(8));
        return next;
    }

    /** About 10 KB: a conversation of 40 messages and a few scalar channels, as an agent graph keeps. */
    private static Map<String, Object> state() {
        List<Object> messages = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            messages.add(Map.of(
                    "role",
                    i % 2 == 0 ? "user" : "assistant",
                    "content",
                    ("message " + i + " about the trip itinerary and budget ").repeat(5),
                    "tokens",
                    60 + i));
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("messages", messages);
        state.put("step", 12L);
        state.put("plan", Map.of("city", "Lyon", "days", 3L, "budget", 1200.5));
        return state;
    }

    /** Raw JDBC as the runtime role: a transaction that sets the tenant, then inserts the row. */
    private static final class RawCheckpoints {
        private final Connection connection;
        private final String tenant;
        private final PreparedStatement scope;
        private final PreparedStatement insert;

        RawCheckpoints(Connection connection, String tenant) throws SQLException {
            this.connection = connection;
            this.tenant = tenant;
            this.scope = connection.prepareStatement("select set_config('agentstore.tenant_id', ?, true)");
            this.insert = connection.prepareStatement("insert into agentstore.checkpoints (tenant_id, thread_id,"
                    + " namespace, checkpoint_id, parent_id, state, metadata, created_at)"
                    + " values (?, ?, '', ?, ?, ?::jsonb, '{}'::jsonb, ?)");
        }

        void insert(String thread, String id, String parent, Map<String, Object> state) {
            try {
                scope.setString(1, tenant);
                scope.execute();
                insert.setString(1, tenant);
                insert.setString(2, thread);
                insert.setString(3, id);
                insert.setString(4, parent);
                insert.setString(5, JSON.writeValueAsString(state));
                insert.setTimestamp(6, Timestamp.from(Instant.now()));
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

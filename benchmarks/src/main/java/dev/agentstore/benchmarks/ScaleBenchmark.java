package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.spi.Ids;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Whether messages need partitioning by month (issue 24): the single append and the last-20 read measured as the
 * messages table grows, all in one tenant (the worst case for indexes led by the tenant). The table is filled with
 * binary COPY as the owner in conversations of 50 messages of a short sentence, with time-ordered ids as the store
 * gives them; at each size, after {@code VACUUM ANALYZE}, agentstore appends one message to, and reads the last 20 of,
 * conversations drawn uniformly either from the newest {@link #RECENT} (a product's active chats, each read once before
 * the rounds as a running product keeps them cached; at the smallest size, all of them) or from all of them (every
 * conversation equally likely and cold: no cache holds that working set once the table outgrows memory), through the public API as the runtime role under row-level security. Reports, per size and
 * draw, the median of the rounds' p50 and p99 latencies, the size of the table and the size and depth of the indexes a
 * read and an append walk.
 *
 * <p>Arguments: rounds (default 3), then the sizes in messages, comma-separated (default 1,000,000 and 10,000,000).
 */
public final class ScaleBenchmark {
    private static final String TENANT = "scale";
    private static final int MESSAGES = 50;
    private static final int CONVERSATIONS_PER_COPY = 4_000;
    private static final int RECENT = 20_000;
    private static final int CALLS = 2_000;

    private ScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long[] sizes = args.length > 1
                ? Arrays.stream(args[1].split(",")).mapToLong(Long::parseLong).toArray()
                : new long[] {1_000_000, 10_000_000};
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        List<UUID> conversations = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        try (AgentStore store = AgentStore.open(BenchmarkConfig.of(database))) {
            ConversationRepository chats = store.forTenant(TENANT).conversations();
            for (long size : sizes) {
                long begin = System.nanoTime();
                while ((long) conversations.size() * MESSAGES < size) {
                    conversations.addAll(load(database, CONVERSATIONS_PER_COPY));
                }
                double loadSeconds = (System.nanoTime() - begin) / 1e9;
                vacuum(database);
                String indexes = indexes(database);
                for (boolean recent : new boolean[] {true, false}) {
                    List<UUID> drawn = recent
                            ? conversations.subList(Math.max(0, conversations.size() - RECENT), conversations.size())
                            : conversations;
                    String row = measure(chats, drawn, rounds, new SplittableRandom(size))
                            .formatted(
                                    (long) conversations.size() * MESSAGES,
                                    recent ? "newest " + RECENT : "all",
                                    indexes,
                                    loadSeconds);
                    System.out.println(row);
                    rows.add(row);
                }
            }
        }
        System.out.println("| messages | conversations drawn from | append p50 ms | append p99 ms | last 20 p50 ms"
                + " | last 20 p99 ms | messages with indexes; primary key (size, levels); id (size, levels)"
                + " | time to load from the previous size |");
        System.out.println("| ---: | --- | ---: | ---: | ---: | ---: | --- | ---: |");
        rows.forEach(System.out::println);
    }

    /**
     * Appends and reads in turns, call by call, on conversations drawn from {@code drawn}; answers the table row with
     * the size, the draw, the indexes and the load time left as format arguments.
     */
    private static String measure(ConversationRepository chats, List<UUID> drawn, int rounds, SplittableRandom random) {
        for (int call = 0; call < CALLS; call++) { // warm-up: the code paths
            chats.append(drawn.get(random.nextInt(drawn.size())), NewMessage.user("warming up", 2));
            chats.lastMessages(drawn.get(random.nextInt(drawn.size())), 20);
        }
        if (drawn.size() <= RECENT) { // active chats stay cached in a running product: read each once
            drawn.forEach(chat -> chats.lastMessages(chat, 20));
        }
        double[][] appends = new double[rounds][];
        double[][] reads = new double[rounds][];
        for (int round = 0; round < rounds; round++) {
            appends[round] = new double[CALLS];
            reads[round] = new double[CALLS];
            for (int call = 0; call < CALLS; call++) {
                UUID target = drawn.get(random.nextInt(drawn.size()));
                long t0 = System.nanoTime();
                chats.append(target, NewMessage.user("one more question about topic 7", 8));
                long t1 = System.nanoTime();
                chats.lastMessages(drawn.get(random.nextInt(drawn.size())), 20);
                long t2 = System.nanoTime();
                appends[round][call] = (t1 - t0) / 1e6;
                reads[round][call] = (t2 - t1) / 1e6;
            }
        }
        return String.format(
                "| %%,d | %%s | %.3f | %.3f | %.3f | %.3f | %%s | %%.0f s |",
                medianOf(appends, 50), medianOf(appends, 99), medianOf(reads, 50), medianOf(reads, 99));
    }

    /** The median over the rounds of each round's {@code percentile}. */
    private static double medianOf(double[][] rounds, int percentile) {
        return Samples.median(Arrays.stream(rounds)
                .mapToDouble(round -> percentile(round, percentile))
                .toArray());
    }

    /** The nearest-rank percentile of one round's latencies. */
    private static double percentile(double[] latencies, int percentile) {
        double[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    /** Copies {@code count} users, each with one conversation of {@link #MESSAGES} messages; returns the latter. */
    private static List<UUID> load(PostgresDatabase database, int count) throws Exception {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        List<UUID> users = new ArrayList<>(count);
        List<UUID> chats = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(Ids.newId());
            chats.add(Ids.newId());
        }
        new OwnerHistoryCopy(
                        "web",
                        MESSAGES,
                        List.of("USER", "ASSISTANT"),
                        (c, m) -> "a message of about sixty characters on topic " + (c + m) % 997,
                        15,
                        Ids::newId)
                .copy(database, TENANT, users, chats, start);
        return chats;
    }

    private static void vacuum(PostgresDatabase database) throws Exception {
        try (Connection owner = database.adminConnection();
                Statement statement = owner.createStatement()) {
            statement.execute("vacuum analyze agentstore.messages");
            statement.execute("vacuum analyze agentstore.conversations");
        }
    }

    /** The size of the messages table with its indexes, and the size and B-tree depth of its primary key and id index. */
    private static String indexes(PostgresDatabase database) throws Exception {
        try (Connection owner = database.adminConnection();
                Statement statement = owner.createStatement()) {
            statement.execute("create extension if not exists pageinspect");
            List<String> parts = new ArrayList<>();
            try (ResultSet row =
                    statement.executeQuery("select pg_size_pretty(pg_total_relation_size('agentstore.messages'))")) {
                row.next();
                parts.add(row.getString(1));
            }
            for (String index : List.of("messages_pkey", "messages_tenant_id_id_key")) {
                try (ResultSet row = statement.executeQuery("select pg_size_pretty(pg_relation_size('agentstore."
                        + index + "')), (select level from bt_metap('agentstore." + index + "'))")) {
                    row.next();
                    parts.add(row.getString(1) + ", " + (row.getInt(2) + 1));
                }
            }
            return String.join("; ", parts);
        }
    }
}

package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * Issue 3's benchmark: 1,000 conversations x 50 messages of ~300 characters, appended one per call and in
 * batches, then the last 20 messages and a 4,000-token window read from each conversation (five times over);
 * agentstore against
 * raw JDBC on the same server (as the table owner, and under the same row-level security) and Spring AI's
 * {@code JdbcChatMemoryRepository} ({@link SpringAiJdbcConversations}), taking turns within each round. Prints
 * Markdown tables of medians.
 */
public final class ConversationBenchmark {
    private static final int CONVERSATIONS = 1_000;
    private static final int MESSAGES = 50;
    private static final int TOKENS = 100;
    private static final int WINDOW_BUDGET = 4_000;
    private static final int LAST = 20;
    /** Each conversation is read this many times per round, so a round's p99 rests on 5,000 calls, not 1,000. */
    private static final int READ_PASSES = 5;
    /**
     * Calls per turn. With turns call by call, every call followed three calls of other sides on other code and
     * connections and paid for the CPU caches they used, agentstore more than raw JDBC (more code per call): measured
     * alone, agentstore's single append ran as fast as raw JDBC under row-level security (the same number of
     * appends in 40 seconds), interleaved call by call it ran at 0.86x to 0.91x.
     */
    private static final int BLOCK = 50;

    private ConversationBenchmark() {}

    /** Runs {@code args[0]} rounds (default 5) and prints the table. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        StoreConfig config = BenchmarkConfig.of(database);
        Side agentstore = new Side(() -> {
            AgentStore store = AgentStore.open(config);
            return new Session(
                    new AgentstoreConversations(store.forTenant("bench").conversations()), store);
        });
        Side rawOwner = new Side(() -> {
            Connection owner = database.adminConnection();
            return new Session(RawJdbcConversations.asOwner(owner), owner);
        });
        Side rawSecured = new Side(() -> {
            Connection runtime = database.runtimeConnection();
            return new Session(RawJdbcConversations.underRowLevelSecurity(runtime), runtime);
        });
        try (Connection owner = database.adminConnection();
                Statement ddl = owner.createStatement()) {
            ddl.execute(ChatMemoryBenchmark.jdbcSchema());
        }
        Side springAi = new Side(() -> {
            Connection owner = database.adminConnection();
            return new Session(new SpringAiJdbcConversations(owner, TOKENS), owner);
        });
        List<Side> sides = List.of(agentstore, rawOwner, rawSecured, springAi);
        try {
            runRound(sides, 200, 20); // warm-up: JIT, statement caches, server-side prepares
            List<RoundResult> ours = new ArrayList<>();
            List<RoundResult> owners = new ArrayList<>();
            List<RoundResult> secured = new ArrayList<>();
            List<RoundResult> springAis = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                runRound(sides, CONVERSATIONS, MESSAGES);
                ours.add(agentstore.result());
                owners.add(rawOwner.result());
                secured.add(rawSecured.result());
                springAis.add(springAi.result());
                System.err.printf(
                        Locale.ROOT,
                        "round %d:%n  agentstore %s%n  raw owner  %s%n  raw RLS    %s%n  Spring AI  %s%n",
                        round + 1,
                        ours.getLast(),
                        owners.getLast(),
                        secured.getLast(),
                        springAis.getLast());
            }
            System.out.println(RoundResult.table(ours, owners, secured, rounds));
            System.out.println(RoundResult.peerTable("Spring AI JdbcChatMemoryRepository", ours, springAis, rounds));
        } finally {
            for (Side side : sides) {
                side.close();
            }
        }
    }

    /**
     * One round. The sides take turns in blocks of {@value #BLOCK} calls (who goes first rotates too), so a noisy
     * neighbour slows all alike while each side runs warm, as a service does; each call is timed on its own and
     * throughput is calls over the summed time.
     */
    private static void runRound(List<Side> sides, int conversations, int messages) {
        sides.forEach(side -> side.reset(conversations));
        List<String> batch = IntStream.range(0, messages)
                .mapToObj(ConversationBenchmark::content)
                .toList();
        int block = 0;
        for (int m = 0; m < messages; m++) {
            String text = content(m);
            block = overConversations(
                    sides,
                    conversations,
                    1,
                    block,
                    (side, index) ->
                            side.appendOne.time(() -> side.workload.appendOne(side.single.get(index), text, TOKENS)));
        }
        block = overConversations(
                sides,
                conversations,
                1,
                block,
                (side, index) ->
                        side.appendBatch.time(() -> side.workload.appendBatch(side.batched.get(index), batch, TOKENS)));
        block = overConversations(
                sides,
                conversations,
                READ_PASSES,
                block,
                (side, index) -> side.last.time(() ->
                        require(side.workload.readLast(side.single.get(index), LAST) == Math.min(LAST, messages))));
        overConversations(
                sides,
                conversations,
                READ_PASSES,
                block,
                (side, index) -> side.window.time(
                        () -> require(side.workload.readWindow(side.single.get(index), WINDOW_BUDGET) > 0)));
        sides.forEach(side -> side.messages = messages);
    }

    /**
     * Does {@code step} for every conversation index, {@code passes} times over, the sides taking turns in blocks of
     * {@value #BLOCK} calls, the first side rotating from block to block; returns the number of the next block.
     */
    private static int overConversations(
            List<Side> sides, int conversations, int passes, int block, BiConsumer<Side, Integer> step) {
        for (int pass = 0; pass < passes; pass++) {
            for (int from = 0; from < conversations; from += BLOCK) {
                int first = block++;
                for (int k = 0; k < sides.size(); k++) {
                    Side side = sides.get((first + k) % sides.size());
                    for (int i = from; i < Math.min(conversations, from + BLOCK); i++) {
                        step.accept(side, i);
                    }
                }
            }
        }
        return block;
    }

    /** Opens one side's workload on fresh connections. */
    @FunctionalInterface
    private interface SessionSource {
        Session open() throws Exception;
    }

    /** A side's workload and the store or connection it runs on, closed at the end of the round. */
    private record Session(ConversationWorkload workload, AutoCloseable resource) {}

    /**
     * One side: its workload, its conversations and this round's timings. Every round runs on fresh connections
     * (a new store, a new JDBC connection): on a small shared machine where the server process of a connection
     * runs relative to the client makes a difference of about 10% that lasts as long as the connection, and
     * reconnecting each round lets the median over rounds average it out instead of handing one side a lucky or
     * unlucky connection for the whole run.
     */
    private static final class Side {
        final SessionSource source;
        Session session;
        ConversationWorkload workload;
        List<UUID> single;
        List<UUID> batched;
        Samples appendOne;
        Samples appendBatch;
        Samples last;
        Samples window;
        int messages;

        Side(SessionSource source) {
            this.source = source;
        }

        void reset(int conversations) {
            close();
            try {
                session = source.open();
            } catch (Exception e) {
                throw new IllegalStateException("cannot open a benchmark side", e);
            }
            workload = session.workload();
            single = workload.createConversations(conversations);
            batched = workload.createConversations(conversations);
            appendOne = new Samples();
            appendBatch = new Samples();
            last = new Samples();
            window = new Samples();
        }

        void close() {
            if (session != null) {
                try {
                    session.resource().close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot close a benchmark side", e);
                }
                session = null;
            }
        }

        RoundResult result() {
            return new RoundResult(
                    appendOne.callsPerSecond(),
                    appendBatch.callsPerSecond() * messages,
                    last.percentileMillis(0.50),
                    last.percentileMillis(0.99),
                    window.percentileMillis(0.50),
                    window.percentileMillis(0.99));
        }
    }

    /** About 300 characters of chat text. */
    private static String content(int index) {
        String sentence = "Message " + index + ": the quick brown fox asks the assistant about trains to Bergen. ";
        return sentence.repeat(300 / sentence.length() + 1).substring(0, 300);
    }

    private static void require(boolean condition) {
        if (!condition) {
            throw new IllegalStateException("a read returned the wrong number of rows");
        }
    }
}

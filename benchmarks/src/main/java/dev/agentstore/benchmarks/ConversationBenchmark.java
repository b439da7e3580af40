package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Issue 3's benchmark: 1,000 conversations x 50 messages of ~300 characters, appended one per call and in
 * batches, then the last 20 messages and a 4,000-token window read from each conversation; agentstore against
 * raw JDBC on the same server, alternating sides within each round. Prints a Markdown table of medians.
 */
public final class ConversationBenchmark {
    private static final int CONVERSATIONS = 1_000;
    private static final int MESSAGES = 50;
    private static final int TOKENS = 100;
    private static final int WINDOW_BUDGET = 4_000;
    private static final int LAST = 20;

    private ConversationBenchmark() {}

    /** Runs {@code args[0]} rounds (default 5) and prints the table. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PostgresDatabase database = PostgresDatabase.create(TestServers.postgres());
        AgentStore.open(database.storeConfig().toBuilder().migrateOnOpen(true).build())
                .close();
        try (AgentStore store = AgentStore.open(database.storeConfig());
                Connection raw = database.adminConnection()) {
            ConversationWorkload agentstore =
                    new AgentstoreConversations(store.forTenant("bench").conversations());
            ConversationWorkload jdbc = new RawJdbcConversations(raw);
            runRound(agentstore, 100, 10);
            runRound(jdbc, 100, 10);
            List<RoundResult> ours = new ArrayList<>();
            List<RoundResult> theirs = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                boolean oursFirst = round % 2 == 0;
                RoundResult first = runRound(oursFirst ? agentstore : jdbc, CONVERSATIONS, MESSAGES);
                RoundResult second = runRound(oursFirst ? jdbc : agentstore, CONVERSATIONS, MESSAGES);
                ours.add(oursFirst ? first : second);
                theirs.add(oursFirst ? second : first);
                System.err.printf(
                        Locale.ROOT, "round %d: agentstore %s | raw %s%n", round + 1, ours.getLast(), theirs.getLast());
            }
            System.out.println(RoundResult.table(ours, theirs, rounds));
        }
    }

    private static RoundResult runRound(ConversationWorkload side, int conversations, int messages) {
        List<UUID> single = side.createConversations(conversations);
        long start = System.nanoTime();
        for (int m = 0; m < messages; m++) {
            for (UUID conversation : single) {
                side.appendOne(conversation, content(m), TOKENS);
            }
        }
        double appendOnePerSecond = conversations * (double) messages / ((System.nanoTime() - start) / 1e9);

        List<UUID> batched = side.createConversations(conversations);
        List<String> batch = IntStream.range(0, messages)
                .mapToObj(ConversationBenchmark::content)
                .toList();
        start = System.nanoTime();
        for (UUID conversation : batched) {
            side.appendBatch(conversation, batch, TOKENS);
        }
        double appendBatchPerSecond = conversations * (double) messages / ((System.nanoTime() - start) / 1e9);

        Samples last = new Samples();
        Samples window = new Samples();
        for (UUID conversation : single) {
            last.time(() -> require(side.readLast(conversation, LAST) == Math.min(LAST, messages)));
        }
        for (UUID conversation : single) {
            window.time(() -> require(side.readWindow(conversation, WINDOW_BUDGET) > 0));
        }
        return new RoundResult(
                appendOnePerSecond,
                appendBatchPerSecond,
                last.percentileMillis(0.50),
                last.percentileMillis(0.99),
                window.percentileMillis(0.50),
                window.percentileMillis(0.99));
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

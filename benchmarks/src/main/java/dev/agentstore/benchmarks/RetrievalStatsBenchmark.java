package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.RetrievalStats;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.VectorRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What counting retrievals costs a search (issue 25, target at most 1.05x): two stores on one database, one with
 * retrieval statistics on (the default, written every 5 s) and one with them off
 * ({@code vectors.retrieval-stats-interval=PT0S}), each searching its own tenant's copy of the same HNSW collection
 * (20,000 chunks x 384, 20 chunks per document) with the same queries, top 10. The sides take turns in blocks of 50
 * calls (call-by-call turns charge each side for the other's CPU caches), 2,000 searches per side and round after a
 * warm-up round; medians of the rounds' p50 and p99. Then checks that every match was counted.
 */
public final class RetrievalStatsBenchmark {
    private static final int CHUNKS = 20_000;
    private static final int QUERIES = 2_000;
    private static final int BLOCK = 50;
    private static final String KB = "kb";

    private RetrievalStatsBenchmark() {}

    /** Runs {@code args[0]} rounds (default 5) and prints the table. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        EmbeddingLikeData data = new EmbeddingLikeData(42);
        List<float[]> vectors = data.next(CHUNKS);
        List<float[]> queries = data.next(QUERIES);
        try (AgentStore counting = AgentStore.open(BenchmarkConfig.of(database));
                AgentStore plain = AgentStore.open(BenchmarkConfig.of(database).toBuilder()
                        .set("vectors.retrieval-stats-interval", "PT0S")
                        .build())) {
            VectorRepository counted = load(counting.forTenant("counted").vectors(), vectors);
            VectorRepository uncounted = load(plain.forTenant("uncounted").vectors(), vectors);
            database.executeAsAdmin("analyze");
            double[][] results = new double[4][rounds];
            for (int round = -1; round < rounds; round++) {
                Samples with = new Samples();
                Samples without = new Samples();
                for (int block = 0; block < QUERIES / BLOCK; block++) {
                    boolean countedFirst = block % 2 == 0;
                    for (int turn = 0; turn < 2; turn++) {
                        boolean countedTurn = countedFirst == (turn == 0);
                        VectorRepository side = countedTurn ? counted : uncounted;
                        Samples samples = countedTurn ? with : without;
                        for (int i = block * BLOCK; i < (block + 1) * BLOCK; i++) {
                            float[] query = queries.get(i);
                            samples.time(() -> side.search(KB, SearchRequest.of(query, 10)));
                        }
                    }
                }
                if (round >= 0) {
                    results[0][round] = without.percentileMillis(0.50);
                    results[1][round] = without.percentileMillis(0.99);
                    results[2][round] = with.percentileMillis(0.50);
                    results[3][round] = with.percentileMillis(0.99);
                }
            }
            long counted10 = counted.mostRetrievedDocuments(KB, 1_000).stream()
                    .mapToLong(RetrievalStats::retrievals)
                    .sum();
            System.out.println("| side | search p50 ms | search p99 ms |");
            System.out.println("| --- | ---: | ---: |");
            System.out.printf(
                    Locale.ROOT,
                    "| retrieval statistics off | %.3f | %.3f |%n",
                    Samples.median(results[0]),
                    Samples.median(results[1]));
            System.out.printf(
                    Locale.ROOT,
                    "| retrieval statistics on (default) | %.3f | %.3f |%n",
                    Samples.median(results[2]),
                    Samples.median(results[3]));
            System.out.printf(
                    Locale.ROOT,
                    "%nratio on/off: p50 %.3fx, p99 %.3fx (medians of %d rounds of %,d searches per side); matches"
                            + " counted: %,d of %,d%n",
                    Samples.median(results[2]) / Samples.median(results[0]),
                    Samples.median(results[3]) / Samples.median(results[1]),
                    rounds,
                    QUERIES,
                    counted10,
                    (rounds + 1L) * QUERIES * 10);
        }
    }

    private static VectorRepository load(VectorRepository repo, List<float[]> vectors) {
        repo.createCollection(CollectionSpec.of(KB, EmbeddingLikeData.DIMENSION));
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            chunks.add(Chunk.of("c" + i, "chunk " + i, vectors.get(i)).inDocument("doc" + i / 20));
        }
        repo.upsert(KB, chunks);
        return repo;
    }
}

package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.IndexSettings;
import dev.agentstore.vector.VectorRepository;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 23's incremental upsert: calls of 1,000 new chunks (384 dimensions) into a collection that already holds
 * 20,000 and has its HNSW index (m 16, ef_construction 64, cosine), against a raw binary COPY of the same rows into
 * a table with the same indexes (primary key, the document index, HNSW, GIN on the metadata, GIN on the generated
 * text-search column), as its owner. Each round both sides make five calls, taking turns call by call, the side
 * going first alternating round by round. Prints a Markdown table of medians.
 */
public final class UpsertBenchmark {
    private static final int PRELOADED = 20_000;
    private static final int CALL = 1_000;
    private static final int CALLS_PER_ROUND = 5;

    private UpsertBenchmark() {}

    /** Runs {@code args[0]} rounds (default 3) and prints the table. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        EmbeddingLikeData data = new EmbeddingLikeData(23);
        List<Chunk> preload = chunks(0, data.next(PRELOADED));
        double[] ours = new double[rounds];
        double[] raw = new double[rounds];
        try (AgentStore store = AgentStore.open(BenchmarkConfig.of(database));
                Connection owner = database.adminConnection()) {
            VectorRepository vectors = store.forTenant("bench").vectors();
            vectors.createCollection(
                    CollectionSpec.of("upserts", EmbeddingLikeData.DIMENSION).withIndex(IndexSettings.hnsw(16, 64)));
            vectors.upsert("upserts", preload);
            RawChunkTable table = RawChunkTable.create(owner, EmbeddingLikeData.DIMENSION);
            table.insert(preload);
            table.index();
            int next = PRELOADED;
            for (int round = 0; round < rounds; round++) {
                double oursSeconds = 0;
                double rawSeconds = 0;
                for (int call = 0; call < CALLS_PER_ROUND; call++) {
                    List<Chunk> batch = chunks(next, data.next(CALL));
                    next += CALL;
                    for (int turn = 0; turn < 2; turn++) {
                        long start = System.nanoTime();
                        if ((turn + round) % 2 == 0) {
                            vectors.upsert("upserts", batch);
                            oursSeconds += (System.nanoTime() - start) / 1e9;
                        } else {
                            table.insert(batch);
                            rawSeconds += (System.nanoTime() - start) / 1e9;
                        }
                    }
                }
                ours[round] = CALL * CALLS_PER_ROUND / oursSeconds;
                raw[round] = CALL * CALLS_PER_ROUND / rawSeconds;
                System.err.printf(
                        Locale.ROOT,
                        "round %d: agentstore %.0f vec/s, raw COPY %.0f vec/s (%.2fx)%n",
                        round + 1,
                        ours[round],
                        raw[round],
                        ours[round] / raw[round]);
            }
        }
        double[] perRound = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            perRound[round] = ours[round] / raw[round];
        }
        System.out.printf(
                Locale.ROOT,
                "| side | chunks/s | vs raw | per-round ratio | target |%n| --- | ---: | ---: | ---: | --- |%n"
                        + "| raw binary COPY into a table with the same indexes | %.0f | 1.00x | 1.00x | |%n"
                        + "| agentstore upsert | %.0f | %.2fx | %.2fx | >= 0.8x |%n%nMedians of %d rounds of %d calls"
                        + " of %d chunks per side.%n",
                Samples.median(raw),
                Samples.median(ours),
                Samples.median(ours) / Samples.median(raw),
                Samples.median(perRound),
                rounds,
                CALLS_PER_ROUND,
                CALL);
    }

    /** Chunks numbered from {@code first}, one per vector, each with a document and a little metadata. */
    private static List<Chunk> chunks(int first, List<float[]> vectors) {
        List<Chunk> chunks = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            int n = first + i;
            chunks.add(new Chunk(
                    VectorBenchmark.id(n),
                    "doc" + n / 10,
                    VectorBenchmark.content(n),
                    vectors.get(i),
                    Map.of("bucket", n % 10, "source", "benchmark")));
        }
        return chunks;
    }
}

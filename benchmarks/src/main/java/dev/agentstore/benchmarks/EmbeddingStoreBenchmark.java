package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.langchain4j.AgentstoreEmbeddingStore;
import dev.agentstore.springai.AgentstoreVectorStore;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.vector.VectorRepository;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 21's vector-store benchmark: the same 50,000 embedding-like vectors of dimension 384 (with their text and a
 * metadata bucket) loaded, and the same 1,000 top-10 queries run, through
 *
 * <ul>
 *   <li>agentstore's own {@code VectorRepository} ({@code upsert}, {@code search}): the reference;
 *   <li>{@link AgentstoreEmbeddingStore} (LangChain4j's interface) and {@link AgentstoreVectorStore} (Spring AI's);
 *   <li>LangChain4j's {@code PgVectorEmbeddingStore} and Spring AI's {@code PgVectorStore}, on one connection as the
 *       table owner, the HNSW index made the same (m 16, ef_construction 64, cosine): LangChain4j's store can only
 *       make an IVFFlat index, so its HNSW index is built after loading, as agentstore's is; Spring AI's store
 *       makes its HNSW index when it creates its table, before loading, as it does for its users.
 * </ul>
 *
 * Every side uses its default search settings (pgvector's ef_search 40); recall@10 against the exact answer shows
 * what each returns. The sides take turns query by query in rotating order. Prints two Markdown tables: ingest
 * (one load per side and round) and search (medians of rounds).
 */
public final class EmbeddingStoreBenchmark {
    private static final int ROWS = EmbeddingStoreCorpus.ROWS;
    private static final int QUERIES = EmbeddingStoreCorpus.QUERIES;
    private static final int K = EmbeddingStoreCorpus.K;
    private static final int INGEST_ROUNDS = 3;

    private EmbeddingStoreBenchmark() {}

    /** Runs {@code args[0]} query rounds (default 5; at most 3 load rounds) and prints the tables. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        EmbeddingStoreCorpus data = new EmbeddingStoreCorpus();
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        try (AgentStore store = AgentStore.open(BenchmarkConfig.of(database));
                Connection owner = database.adminConnection()) {
            try (Statement session = owner.createStatement()) {
                session.execute("set maintenance_work_mem = '256MB'");
            }
            VectorRepository vectors = store.forTenant("bench").vectors();
            LookupEmbeddingModel model = new LookupEmbeddingModel(data.byText);
            Map<String, EmbeddingStoreSides.Side> sides = new LinkedHashMap<>();
            sides.put("agentstore VectorRepository", EmbeddingStoreSides.repository(vectors, data));
            sides.put(
                    "agentstore EmbeddingStore (LangChain4j)",
                    EmbeddingStoreSides.agentstoreEmbeddingStore(vectors, data));
            sides.put(
                    "agentstore VectorStore (Spring AI)",
                    EmbeddingStoreSides.agentstoreVectorStore(vectors, model, data));
            sides.put("LangChain4j PgVectorEmbeddingStore", EmbeddingStoreSides.pgVectorEmbeddingStore(owner, data));
            sides.put("Spring AI PgVectorStore", EmbeddingStoreSides.pgVectorStore(owner, model, data));

            List<String> names = new ArrayList<>(sides.keySet());
            List<double[]> ingest = new ArrayList<>();
            for (int round = 0; round < Math.min(rounds, INGEST_ROUNDS); round++) {
                double[] rowsPerSecond = new double[names.size()];
                for (int k = 0; k < names.size(); k++) {
                    int s = (k + round) % names.size();
                    long start = System.nanoTime();
                    sides.get(names.get(s)).load();
                    rowsPerSecond[s] = ROWS / ((System.nanoTime() - start) / 1e9);
                }
                ingest.add(rowsPerSecond);
                System.err.printf(
                        Locale.ROOT, "load round %d: %s%n", round + 1, java.util.Arrays.toString(rowsPerSecond));
            }
            query(sides, data, 1); // warm-up
            List<double[]> search = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                search.add(query(sides, data, QUERIES));
                System.err.printf(
                        Locale.ROOT, "query round %d: %s%n", round + 1, java.util.Arrays.toString(search.getLast()));
            }
            System.out.println(table(names, ingest, search, rounds));
        }
    }

    /** One query round: per side p50, p99 (ms), recall@10. */
    private static double[] query(Map<String, EmbeddingStoreSides.Side> sides, EmbeddingStoreCorpus data, int queries) {
        List<EmbeddingStoreSides.Side> order = new ArrayList<>(sides.values());
        List<Samples> samples = new ArrayList<>();
        double[] hits = new double[order.size()];
        order.forEach(side -> samples.add(new Samples()));
        for (int q = 0; q < queries; q++) {
            for (int k = 0; k < order.size(); k++) {
                int s = (k + q) % order.size();
                int query = q;
                List<List<String>> found = new ArrayList<>(List.of(List.of()));
                samples.get(s).time(() -> found.set(0, order.get(s).top10(query)));
                hits[s] += found.getFirst().stream()
                        .filter(data.exact.get(q)::contains)
                        .count();
            }
        }
        double[] figures = new double[order.size() * 3];
        for (int s = 0; s < order.size(); s++) {
            figures[3 * s] = samples.get(s).percentileMillis(0.5);
            figures[3 * s + 1] = samples.get(s).percentileMillis(0.99);
            figures[3 * s + 2] = hits[s] / ((double) queries * K);
        }
        return figures;
    }

    private static String table(List<String> names, List<double[]> ingest, List<double[]> search, int rounds) {
        double[] load = medians(ingest);
        double[] query = medians(search);
        StringBuilder out = new StringBuilder();
        out.append("| store | load 50,000 x 384 incl. HNSW (rows/s) | vs VectorRepository | target |\n");
        out.append("| --- | ---: | ---: | --- |\n");
        for (int s = 0; s < names.size(); s++) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.2fx | %s |%n",
                    names.get(s),
                    load[s],
                    load[s] / load[0],
                    s == 1 ? ">= 0.8x (time <= 1.25x)" : ""));
        }
        out.append("\nLoad: medians of ").append(ingest.size()).append(" loads per store.\n\n");
        out.append("| store | top-10 p50 (ms) | top-10 p99 (ms) | recall@10 | p50 vs VectorRepository | target |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | --- |\n");
        for (int s = 0; s < names.size(); s++) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.3f | %.2fx | %s |%n",
                    names.get(s),
                    query[3 * s],
                    query[3 * s + 1],
                    query[3 * s + 2],
                    query[3 * s] / query[0],
                    s == 1 ? "<= 1.1x" : ""));
        }
        return out.append("\nSearch: medians of ")
                .append(rounds)
                .append(" rounds of ")
                .append(QUERIES)
                .append(" queries.\n")
                .toString();
    }

    private static double[] medians(List<double[]> results) {
        double[] medians = new double[results.getFirst().length];
        for (int i = 0; i < medians.length; i++) {
            int index = i;
            medians[i] =
                    Samples.median(results.stream().mapToDouble(r -> r[index]).toArray());
        }
        return medians;
    }
}

package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.Filter;
import dev.agentstore.vector.IndexSettings;
import dev.agentstore.vector.SearchMatch;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.SearchTuning;
import dev.agentstore.vector.VectorRepository;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Issue 9's benchmark: 50,000 embedding-like vectors of dimension 384 (10 metadata buckets) and 1,000 queries.
 * Ingest (COPY and HNSW m 16, ef_construction 64, cosine) through agentstore against raw COPY + CREATE INDEX;
 * top-10 latency at ef_search 40 and 100 against the same SQL issued raw; recall@10 against exact results,
 * unfiltered and with a 10% filter. The two sides take turns query by query. Prints a Markdown table.
 */
public final class VectorBenchmark {
    private static final int ROWS = 50_000;
    private static final int QUERIES = 1_000;
    private static final int K = 10;

    private VectorBenchmark() {}

    /** Runs {@code args[0]} query rounds (default 3) and prints the table. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        EmbeddingLikeData data = new EmbeddingLikeData(42);
        List<float[]> vectors = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            vectors.add(data.next());
        }
        List<float[]> queries = new ArrayList<>(QUERIES);
        for (int q = 0; q < QUERIES; q++) {
            queries.add(data.next());
        }
        List<Set<String>> exact = new ArrayList<>();
        List<Set<String>> exactFiltered = new ArrayList<>();
        for (int q = 0; q < QUERIES; q++) {
            exact.add(exactTop(vectors, queries.get(q), null));
            exactFiltered.add(exactTop(vectors, queries.get(q), q % 10));
        }
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        StringBuilder table = new StringBuilder();
        try (AgentStore store = AgentStore.open(BenchmarkConfig.of(database));
                Connection raw = database.adminConnection()) {
            VectorRepository ours = store.forTenant("bench").vectors();
            RawPgvector theirs = new RawPgvector(raw);
            double rawIngest = theirs.ingest(vectors);
            double ourIngest = ingest(ours, vectors);
            table.append("| measure | raw SQL | agentstore | ratio | target |\n| --- | ---: | ---: | ---: | --- |\n");
            table.append(row(
                    "ingest 50,000 x 384 incl. HNSW build (rows/s)", ROWS / rawIngest, ROWS / ourIngest, ">= 0.9x"));
            for (int ef : new int[] {40, 100}) {
                QueryRun run = queries(ours, theirs, queries, exact, ef, null, rounds);
                table.append(row("top-10 p50 at ef_search " + ef + " (ms)", run.rawP50, run.ourP50, "<= 1.1x"));
                table.append(row("top-10 p99 at ef_search " + ef + " (ms)", run.rawP99, run.ourP99, "<= 1.1x"));
                table.append(row("QPS at ef_search " + ef, run.rawQps, run.ourQps, ""));
                table.append(
                        row("recall@10 at ef_search " + ef, run.rawRecall, run.ourRecall, ef == 100 ? ">= 0.99" : ""));
            }
            for (int ef : new int[] {40, 100}) {
                QueryRun filtered = queries(ours, theirs, queries, exactFiltered, ef, true, rounds);
                String name = "10% filter, ef_search " + ef + ": ";
                table.append(row(name + "recall@10", filtered.rawRecall, filtered.ourRecall, ">= 0.97"));
                table.append(row(name + "rows returned (mean)", filtered.rawRows, filtered.ourRows, "always 10"));
                table.append(row(name + "p50 (ms)", filtered.rawP50, filtered.ourP50, ""));
            }
        }
        System.out.println(
                table.append("\nQuery figures: medians of ").append(rounds).append(" rounds.\n"));
    }

    /** Creates the collection and upserts all rows in one call (one COPY, then one index build). */
    private static double ingest(VectorRepository ours, List<float[]> vectors) {
        List<Chunk> chunks = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            chunks.add(new Chunk(id(i), null, content(i), vectors.get(i), Map.of("bucket", i % 10)));
        }
        long start = System.nanoTime();
        ours.createCollection(
                CollectionSpec.of("bench", EmbeddingLikeData.DIMENSION).withIndex(IndexSettings.hnsw(16, 64)));
        ours.upsert("bench", chunks);
        return (System.nanoTime() - start) / 1e9;
    }

    /** The id of row {@code i}, the same on both sides. */
    static String id(int i) {
        return "c" + i;
    }

    /** The text of row {@code i}, the same on both sides. */
    static String content(int i) {
        return "chunk " + i + " of the embedding-like corpus";
    }

    /** Figures of one query configuration: medians over rounds. */
    private record QueryRun(
            double ourP50,
            double rawP50,
            double ourP99,
            double rawP99,
            double ourQps,
            double rawQps,
            double ourRecall,
            double rawRecall,
            double ourRows,
            double rawRows) {}

    private static QueryRun queries(
            VectorRepository ours,
            RawPgvector theirs,
            List<float[]> queries,
            List<Set<String>> truth,
            int ef,
            Boolean filtered,
            int rounds)
            throws Exception {
        theirs.efSearch(ef);
        List<double[]> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Samples our = new Samples();
            Samples raw = new Samples();
            double ourHits = 0;
            double rawHits = 0;
            double ourRows = 0;
            double rawRows = 0;
            for (int q = 0; q < queries.size(); q++) {
                float[] query = queries.get(q);
                Integer bucket = filtered == null ? null : q % 10;
                SearchRequest request = SearchRequest.of(query, K).withTuning(SearchTuning.efSearch(ef));
                SearchRequest scoped = bucket == null ? request : request.withFilter(Filter.eq("bucket", bucket));
                List<List<String>> found = new ArrayList<>(List.of(List.of(), List.of()));
                Runnable ourCall = () -> found.set(0, ids(ours.search("bench", scoped)));
                Runnable rawCall = () -> found.set(1, rawTop10(theirs, query, bucket));
                if (q % 2 == 0) {
                    our.time(ourCall);
                    raw.time(rawCall);
                } else {
                    raw.time(rawCall);
                    our.time(ourCall);
                }
                ourHits += hits(found.get(0), truth.get(q));
                rawHits += hits(found.get(1), truth.get(q));
                ourRows += found.get(0).size();
                rawRows += found.get(1).size();
            }
            int n = queries.size();
            results.add(new double[] {
                our.percentileMillis(0.5),
                raw.percentileMillis(0.5),
                our.percentileMillis(0.99),
                raw.percentileMillis(0.99),
                our.callsPerSecond(),
                raw.callsPerSecond(),
                ourHits / (n * K),
                rawHits / (n * K),
                ourRows / n,
                rawRows / n
            });
            System.err.printf(
                    Locale.ROOT,
                    "ef %d filtered %s round %d: %s%n",
                    ef,
                    filtered != null,
                    round + 1,
                    java.util.Arrays.toString(results.getLast()));
        }
        double[] m = new double[10];
        for (int i = 0; i < m.length; i++) {
            int index = i;
            m[i] = Samples.median(results.stream().mapToDouble(r -> r[index]).toArray());
        }
        return new QueryRun(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9]);
    }

    private static List<String> rawTop10(RawPgvector theirs, float[] query, Integer bucket) {
        try {
            return theirs.top10(query, bucket);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(List<SearchMatch> matches) {
        return matches.stream().map(m -> m.chunk().id()).toList();
    }

    private static int hits(List<String> found, Set<String> truth) {
        return (int) found.stream().filter(truth::contains).count();
    }

    /** The ids of the exact top 10 by cosine, optionally in one bucket. */
    private static Set<String> exactTop(List<float[]> vectors, float[] query, Integer bucket) {
        Set<String> ids = new HashSet<>();
        ExactNeighbours.top(vectors, query, K, i -> bucket == null || i % 10 == bucket)
                .forEach(i -> ids.add(id(i)));
        return ids;
    }

    private static String row(String name, double raw, double ours, String target) {
        return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.2fx | %s |%n", name, raw, ours, ours / raw, target);
    }
}

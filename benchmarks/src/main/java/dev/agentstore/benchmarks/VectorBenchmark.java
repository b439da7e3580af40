package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The vector benchmark (issues 9 and 23): 50,000 vectors of dimension 384 shaped like text embeddings (10 metadata
 * buckets) and 1,000 queries, loaded into and asked of four stores on the same PostgreSQL in the same run: raw SQL on
 * a plain table ({@link RawPgvector}), agentstore ({@link AgentstoreVectors}: partitioned, row-level-secured, as the
 * runtime role), LangChain4j's {@code PgVectorEmbeddingStore} and Spring AI's {@code PgVectorStore}. Load time
 * (index included); top-10 latency at ef_search 40 and 100; recall@10 against exact results, unfiltered and with a
 * 10% filter. The sides take turns in blocks of {@value #BLOCK} queries (the first side rotating), so each side
 * runs warm, as a service asking one store does, and machine drift reaches all alike. Prints a Markdown table.
 */
public final class VectorBenchmark {
    private static final int ROWS = 50_000;
    private static final int QUERIES = 1_000;
    private static final int K = 10;
    private static final int BLOCK = 50;
    /**
     * Unmeasured rounds before each query configuration. On this 2-core machine the JIT compiler was still compiling
     * (and deoptimizing) after one warm-up round, taking a core from the PostgreSQL backend mid-call: the p99 of
     * the first measured rounds held calls stalled that way.
     */
    private static final int WARM_UP_ROUNDS = 2;

    private static final Map<String, Integer> ROW_OF_UUID = new HashMap<>();

    static {
        for (int i = 0; i < ROWS; i++) {
            ROW_OF_UUID.put(uuid(i), i);
        }
    }

    private VectorBenchmark() {}

    /** Runs {@code args[0]} query rounds (default 3) and prints the table. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        EmbeddingLikeData data = new EmbeddingLikeData(42);
        List<float[]> vectors = data.next(ROWS);
        List<float[]> queries = data.next(QUERIES);
        List<Set<Integer>> exact = new ArrayList<>();
        List<Set<Integer>> exactFiltered = new ArrayList<>();
        for (int q = 0; q < QUERIES; q++) {
            int bucket = q % 10;
            exact.add(new HashSet<>(ExactNeighbours.top(vectors, queries.get(q), K, i -> true)));
            exactFiltered.add(new HashSet<>(ExactNeighbours.top(vectors, queries.get(q), K, i -> i % 10 == bucket)));
        }
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        try (AgentStore store = AgentStore.open(BenchmarkConfig.of(database));
                Connection raw = database.adminConnection();
                Connection langChain4j = database.adminConnection();
                Connection springAi = database.adminConnection()) {
            List<VectorSide> sides = List.of(
                    new RawPgvector(raw),
                    new AgentstoreVectors(store.forTenant("bench").vectors()),
                    new LangChain4jPgvector(langChain4j),
                    new SpringAiPgvector(springAi, queries));
            Table table = new Table(sides);
            double[] loadRate = new double[sides.size()];
            for (int s = 0; s < sides.size(); s++) {
                loadRate[s] = ROWS / sides.get(s).load(vectors);
                System.err.printf(
                        Locale.ROOT, "%s loaded: %.0f rows/s%n", sides.get(s).name(), loadRate[s]);
            }
            table.row("load 50,000 x 384 incl. HNSW (rows/s)", loadRate, "%.0f", ">= 0.9x");
            for (int ef : new int[] {40, 100}) {
                double[][] run = queries(sides, queries, exact, ef, false, rounds);
                table.row("top-10 p50 at ef_search " + ef + " (ms)", run[0], "%.3f", "<= 1.1x");
                table.row("top-10 p99 at ef_search " + ef + " (ms)", run[1], "%.3f", "<= 1.1x");
                table.row(
                        "top-10 p99 at ef_search " + ef + ", first call after each switch of sides left out (ms)",
                        run[5],
                        "%.3f",
                        "");
                table.row("QPS at ef_search " + ef + " (one thread)", run[2], "%.0f", "");
                table.row("recall@10 at ef_search " + ef, run[3], "%.3f", ef == 100 ? ">= 0.99" : "");
            }
            for (int ef : new int[] {40, 100}) {
                double[][] run = queries(sides, queries, exactFiltered, ef, true, rounds);
                String name = "10% filter, ef_search " + ef + ": ";
                table.row(name + "recall@10", run[3], "%.3f", ">= 0.97");
                table.row(name + "rows returned (mean)", run[4], "%.1f", "always 10");
                table.row(name + "p50 (ms)", run[0], "%.3f", "");
            }
            System.out.println(table.print(rounds));
        }
    }

    /** The id of row {@code i} in raw SQL and agentstore. */
    static String id(int i) {
        return "c" + i;
    }

    /** The row number of an id made by {@link #id(int)}. */
    static int row(String id) {
        return Integer.parseInt(id, 1, id.length(), 10);
    }

    /** The id of row {@code i} in LangChain4j's and Spring AI's stores, whose tables key on UUIDs. */
    static String uuid(int i) {
        return UUID.nameUUIDFromBytes(("chunk-" + i).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The row number of an id made by {@link #uuid(int)}. */
    static int rowOfUuid(String uuid) {
        return ROW_OF_UUID.get(uuid);
    }

    /** The text of row {@code i}, the same on every side. */
    static String content(int i) {
        return "chunk " + i + " of the embedding-like corpus";
    }

    /**
     * One query configuration on every side, {@link #WARM_UP_ROUNDS} warm-up rounds and then {@code rounds}: per side the medians over
     * rounds of p50 (ms), p99 (ms), queries per second, recall@10, rows returned and p99 without the first call after
     * each switch of sides (ms), indexed [measure][side].
     */
    private static double[][] queries(
            List<VectorSide> sides,
            List<float[]> queries,
            List<Set<Integer>> truth,
            int ef,
            boolean filtered,
            int rounds)
            throws Exception {
        for (VectorSide side : sides) {
            side.efSearch(ef);
        }
        double[][][] perRound = new double[6][sides.size()][rounds];
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
            List<Samples> samples = new ArrayList<>();
            double[] hits = new double[sides.size()];
            double[] rows = new double[sides.size()];
            sides.forEach(side -> samples.add(new Samples()));
            for (int block = 0; block * BLOCK < queries.size(); block++) {
                for (int k = 0; k < sides.size(); k++) {
                    int s = (block + k) % sides.size();
                    for (int q = block * BLOCK; q < Math.min(queries.size(), (block + 1) * BLOCK); q++) {
                        List<Integer> found = top10(samples.get(s), sides.get(s), q, queries.get(q), filtered);
                        hits[s] += found.stream().filter(truth.get(q)::contains).count();
                        rows[s] += found.size();
                    }
                }
            }
            if (round >= 0) {
                for (int s = 0; s < sides.size(); s++) {
                    perRound[0][s][round] = samples.get(s).percentileMillis(0.5);
                    perRound[1][s][round] = samples.get(s).percentileMillis(0.99);
                    perRound[2][s][round] = samples.get(s).callsPerSecond();
                    perRound[3][s][round] = hits[s] / ((double) queries.size() * K);
                    perRound[4][s][round] = rows[s] / queries.size();
                    perRound[5][s][round] = samples.get(s).percentileMillisAfterSwitches(0.99, BLOCK);
                }
                System.err.printf(
                        Locale.ROOT,
                        "ef %d filtered %s round %d: p50 %s p99 %s%n",
                        ef,
                        filtered,
                        round + 1,
                        java.util.Arrays.toString(column(perRound[0], round)),
                        java.util.Arrays.toString(column(perRound[1], round)));
            }
        }
        double[][] medians = new double[6][sides.size()];
        for (int m = 0; m < 6; m++) {
            for (int s = 0; s < sides.size(); s++) {
                medians[m][s] = Samples.median(perRound[m][s]);
            }
        }
        return medians;
    }

    private static List<Integer> top10(Samples samples, VectorSide side, int q, float[] query, boolean filtered) {
        List<List<Integer>> found = new ArrayList<>(List.of(List.of()));
        samples.time(() -> {
            try {
                found.set(0, side.top10(q, query, filtered ? q % 10 : null));
            } catch (Exception e) {
                throw new IllegalStateException(side.name() + " failed", e);
            }
        });
        return found.getFirst();
    }

    private static double[] column(double[][] bySide, int round) {
        double[] values = new double[bySide.length];
        for (int s = 0; s < bySide.length; s++) {
            values[s] = bySide[s][round];
        }
        return values;
    }

    /** The printed table: a row per measure, a column per side, and agentstore's ratio to raw SQL. */
    private static final class Table {
        private final StringBuilder out = new StringBuilder();

        Table(List<VectorSide> sides) {
            out.append("| measure |");
            sides.forEach(side -> out.append(' ').append(side.name()).append(" |"));
            out.append(" agentstore vs raw | target |\n| --- |");
            sides.forEach(side -> out.append(" ---: |"));
            out.append(" ---: | --- |\n");
        }

        void row(String name, double[] values, String format, String target) {
            out.append("| ").append(name).append(" |");
            for (double value : values) {
                out.append(' ')
                        .append(String.format(Locale.ROOT, format, value))
                        .append(" |");
            }
            out.append(String.format(Locale.ROOT, " %.2fx | %s |%n", values[1] / values[0], target));
        }

        String print(int rounds) {
            return out.append("\nQuery figures: medians of ")
                    .append(rounds)
                    .append(" rounds of ")
                    .append(QUERIES)
                    .append(" queries per side.\n")
                    .toString();
        }
    }
}

package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import dev.agentstore.metrics.DailySummary;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricsRepository;
import dev.agentstore.model.ModelFormat;
import dev.agentstore.model.ModelPricing;
import dev.agentstore.model.ModelSpec;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * LLM-metric ingest (issues 4 and 23): 1,000,000 rows of one day per side and round, in calls of 10,000 rows, each
 * call one transaction. agentstore's {@code recordLlmBatch} as the plain runtime role (binary COPY into a temporary
 * table, then one {@code INSERT ... SELECT} under row-level security) and with the optional ingest role (binary COPY
 * straight into the table), against raw binary COPY by the administrator into a plain table and into tables that add
 * {@code llm_metrics}' features one at a time ({@link IngestTables}, ending with {@code llm_metrics} itself), and a
 * raw JDBC batch into {@code llm_metrics}. The sides take turns in an order rotating round by round, each round with
 * a fresh tenant per side and a {@code CHECKPOINT} before each side, so none inherits the dirty pages of the one
 * before. Then the daily rollup over agentstore's rows. Prints a Markdown table of medians.
 */
public final class MetricsBenchmark {
    private static final int ROWS = 1_000_000;
    private static final int CHUNK = 10_000;
    /** Yesterday: metrics are accepted within time-window.past of now. */
    private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    private static final List<String> MODELS = List.of("llama-3-8b", "mistral-7b", "qwen-2.5-14b", "gpt-4o-mini");

    private MetricsBenchmark() {}

    /** One way of writing a round's rows; returns the seconds it took. */
    private record Side(String label, Load load) {}

    @FunctionalInterface
    private interface Load {
        double run(String tenant, List<List<LlmRequestMetric>> chunks) throws Exception;
    }

    /** Runs {@code args[0]} rounds (default 3) and prints the table. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        PostgresDatabase database = PostgresDatabase.create(TestServers.postgres());
        StoreConfig withIngest = BenchmarkConfig.withIngestRole(database);
        IngestTables.create(database, DAY);
        double[] rollup = new double[rounds];
        try (AgentStore store = AgentStore.open(BenchmarkConfig.of(database));
                AgentStore ingesting = AgentStore.open(withIngest);
                Connection admin = database.adminConnection()) {
            RawLlmMetrics raw = new RawLlmMetrics(admin);
            List<Side> sides = new ArrayList<>();
            for (IngestTables step : IngestTables.values()) {
                sides.add(new Side(
                        "raw binary COPY, " + step.label(),
                        (tenant, chunks) -> raw.copy(step.table(), tenant, chunks)));
            }
            sides.add(new Side(
                    "raw binary COPY, + index by session: llm_metrics as its administrator",
                    (tenant, chunks) -> raw.copy("agentstore.llm_metrics", tenant, chunks)));
            sides.add(new Side(
                    "raw JDBC batch into llm_metrics as its administrator",
                    (tenant, chunks) -> raw.jdbcBatch("agentstore.llm_metrics", tenant, chunks)));
            sides.add(new Side(
                    "agentstore recordLlmBatch, with the ingest role",
                    (tenant, chunks) -> recorded(ingesting, tenant, chunks)));
            sides.add(new Side(
                    "agentstore recordLlmBatch, plain runtime role (row-level security)",
                    (tenant, chunks) -> recorded(store, tenant, chunks)));
            int runtimeSide = sides.size() - 1; // its rows are the ones the rollup summarises
            double[][] seconds = new double[sides.size()][rounds];
            for (int round = 0; round < rounds; round++) {
                List<List<LlmRequestMetric>> chunks = chunks(day(round));
                for (int turn = 0; turn < sides.size(); turn++) {
                    int side = (turn + round) % sides.size();
                    database.executeAsAdmin("checkpoint"); // no side pays for the dirty pages of the one before
                    seconds[side][round] = sides.get(side).load().run(tenant(side, round), chunks);
                }
                String tenant = tenant(runtimeSide, round);
                store.forTenant(tenant)
                        .models()
                        .register(ModelSpec.builder("gpt-4o-mini", ModelFormat.API)
                                .pricing(ModelPricing.usd("0.15", "0.60"))
                                .build());
                DailySummary[] summary = new DailySummary[1];
                rollup[round] = timed(
                        () -> summary[0] = store.forTenant(tenant).metrics().rollupDay(DAY));
                StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
                for (int side = 0; side < sides.size(); side++) {
                    line.append(String.format(Locale.ROOT, " %.2f s", seconds[side][round]));
                }
                System.err.printf(
                        Locale.ROOT,
                        "%s; rollup %.2f s (%d requests, top %s, cost %s)%n",
                        line,
                        rollup[round],
                        summary[0].usage().requests(),
                        summary[0].mostUsedModel(),
                        summary[0].costByCurrency());
            }
            System.out.println(table(sides, seconds, rounds, Samples.median(rollup)));
        }
    }

    private static String table(List<Side> sides, double[][] seconds, int rounds, double rollup) {
        double plain = ROWS / Samples.median(seconds[0]);
        StringBuilder table = new StringBuilder(
                "| side | rows/s | vs raw COPY into a plain table | per-round ratio |%n| --- | ---: | ---: | ---: |%n"
                        .formatted());
        for (int side = 0; side < sides.size(); side++) {
            double[] perRound = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                perRound[round] = seconds[0][round] / seconds[side][round];
            }
            double rate = ROWS / Samples.median(seconds[side]);
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.2fx | %.2fx |%n",
                    sides.get(side).label(),
                    rate,
                    rate / plain,
                    Samples.median(perRound)));
        }
        table.append(String.format(
                Locale.ROOT,
                "%nDaily rollup over agentstore's 1,000,000 rows: %.2f s (median). Medians of %d rounds.%n",
                rollup,
                rounds));
        return table.toString();
    }

    /** A fresh tenant for every side and round. */
    private static String tenant(int side, int round) {
        return "side" + side + "-" + round;
    }

    private static double recorded(AgentStore store, String tenant, List<List<LlmRequestMetric>> chunks) {
        MetricsRepository metrics = store.forTenant(tenant).metrics();
        return timed(() -> chunks.forEach(metrics::recordLlmBatch));
    }

    private static List<List<LlmRequestMetric>> chunks(List<LlmRequestMetric> rows) {
        List<List<LlmRequestMetric>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** One day of requests over four models, seeded per round: spread over 24 hours, 2% failures, 10% cache hits. */
    private static List<LlmRequestMetric> day(int round) {
        Random random = new Random(round);
        Instant start = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<LlmRequestMetric> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            long latency = 50 + (long) (random.nextDouble() * 4_000);
            LlmRequestMetric metric = new LlmRequestMetric(
                    new UUID(random.nextLong(), random.nextLong()),
                    start.plusMillis((long) i * 86_400_000L / ROWS),
                    MODELS.get(random.nextInt(MODELS.size())),
                    i % 3 == 0 ? new UUID(round, i / 3) : null,
                    null,
                    100 + random.nextInt(2_000),
                    20 + random.nextInt(800),
                    latency,
                    latency / 10,
                    random.nextInt(10) == 0,
                    random.nextInt(50) != 0,
                    null);
            rows.add(metric.success() ? metric : metric.failed("timeout"));
        }
        return rows;
    }

    private static double timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}

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
 * Issue 4's benchmark: 1,000,000 LLM-metric rows of one day ingested through agentstore's batch API (one call), as
 * the runtime role (binary COPY into a temporary table, then one INSERT ... SELECT under row-level security) and
 * with the optional ingest role (binary COPY straight into the table), against raw binary COPY and a raw JDBC batch
 * into the same partitioned table on the same server, the four taking turns round by round
 * (each round a fresh tenant per side, a CHECKPOINT before each side so none inherits the dirty pages of the side
 * before it); then the daily rollup over agentstore's rows. Prints a Markdown table of medians.
 */
public final class MetricsBenchmark {
    private static final int ROWS = 1_000_000;
    private static final String INGEST_ROLE = "agentstore_bench_ingest_" + Long.toHexString(System.nanoTime());
    /** Yesterday: metrics are accepted within time-window.past of now. */
    private static final LocalDate DAY = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);

    private static final List<String> MODELS = List.of("llama-3-8b", "mistral-7b", "qwen-2.5-14b", "gpt-4o-mini");

    private MetricsBenchmark() {}

    /** Runs {@code args[0]} rounds (default 3) and prints the table. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        PostgresDatabase database = PostgresDatabase.create(TestServers.postgres());
        // The optional ingest role: BYPASSRLS, granted nothing but INSERT on the metrics tables by the migrator.
        database.executeAsAdmin("CREATE ROLE " + INGEST_ROLE + " LOGIN PASSWORD 'ingest' NOSUPERUSER BYPASSRLS");
        StoreConfig withIngest = BenchmarkConfig.of(database).toBuilder()
                .set("postgres.ingest-user", INGEST_ROLE)
                .set("postgres.ingest-password", "ingest")
                .build();
        AgentStore.open(withIngest.toBuilder().migrateOnOpen(true).build()).close();
        double[] ours = new double[rounds];
        double[] ingest = new double[rounds];
        double[] copy = new double[rounds];
        double[] batch = new double[rounds];
        double[] rollup = new double[rounds];
        try (AgentStore store = AgentStore.open(BenchmarkConfig.of(database));
                AgentStore ingesting = AgentStore.open(withIngest);
                Connection admin = database.adminConnection()) {
            RawLlmMetrics raw = new RawLlmMetrics(admin);
            for (int round = 0; round < rounds; round++) {
                List<LlmRequestMetric> rows = day(round);
                String suffix = "-" + round;
                MetricsRepository metrics = store.forTenant("bench" + suffix).metrics();
                MetricsRepository ingestMetrics =
                        ingesting.forTenant("ingest" + suffix).metrics();
                store.forTenant("bench" + suffix)
                        .models()
                        .register(ModelSpec.builder("gpt-4o-mini", ModelFormat.API)
                                .pricing(ModelPricing.usd("0.15", "0.60"))
                                .build());
                for (int turn = 0; turn < 4; turn++) {
                    database.executeAsAdmin("checkpoint"); // no side pays for the dirty pages of the one before
                    switch ((turn + round) % 4) {
                        case 0 -> ours[round] = timed(() -> metrics.recordLlmBatch(rows));
                        case 1 -> copy[round] = raw.copy("copy" + suffix, rows);
                        case 2 -> ingest[round] = timed(() -> ingestMetrics.recordLlmBatch(rows));
                        default -> batch[round] = raw.jdbcBatch("batch" + suffix, rows);
                    }
                }
                DailySummary[] summary = new DailySummary[1];
                rollup[round] = timed(() -> summary[0] = metrics.rollupDay(DAY));
                System.err.printf(
                        Locale.ROOT,
                        "round %d: agentstore %.2f s, with ingest role %.2f s, raw COPY %.2f s, raw JDBC batch %.2f s,"
                                + " rollup %.2f s (%d requests, top %s, cost %s)%n",
                        round + 1,
                        ours[round],
                        ingest[round],
                        copy[round],
                        batch[round],
                        rollup[round],
                        summary[0].usage().requests(),
                        summary[0].mostUsedModel(),
                        summary[0].cost());
            }
        }
        double ourRate = ROWS / Samples.median(ours);
        double ingestRate = ROWS / Samples.median(ingest);
        double copyRate = ROWS / Samples.median(copy);
        double batchRate = ROWS / Samples.median(batch);
        StringBuilder table =
                new StringBuilder("| measure | rows/s | vs raw COPY | target |\n| --- | ---: | ---: | --- |\n");
        table.append(String.format(
                Locale.ROOT,
                "| agentstore recordLlmBatch (1 call), runtime role under row-level security | %.0f | %.2fx | |%n",
                ourRate,
                ourRate / copyRate));
        table.append(String.format(
                Locale.ROOT,
                "| agentstore recordLlmBatch (1 call), with the ingest role | %.0f | %.2fx | >= 0.8x |%n",
                ingestRate,
                ingestRate / copyRate));
        table.append(String.format(Locale.ROOT, "| raw binary COPY | %.0f | 1.00x | |%n", copyRate));
        table.append(String.format(
                Locale.ROOT,
                "| raw JDBC batch (10,000 per executeBatch) | %.0f | %.2fx | |%n",
                batchRate,
                batchRate / copyRate));
        table.append(String.format(
                Locale.ROOT, "%nDaily rollup over the 1,000,000 rows: %.2f s (median).%n", Samples.median(rollup)));
        System.out.println(table.append("Medians of ").append(rounds).append(" rounds.\n"));
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

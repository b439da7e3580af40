package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import dev.agentstore.metrics.SeriesPoint;
import dev.agentstore.metrics.SeriesQuery;
import dev.agentstore.metrics.TimeBucket;
import dev.agentstore.postgres.spi.BinaryCopy;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Labelled-series ingest and aggregation (issue 25): 1,000,000 points of one day per side and round, in calls of
 * 10,000 points, each call one transaction, with two labels (8 routes, 3 regions). Ingest sides: raw binary COPY
 * by the administrator into a plain heap table of the same columns and into {@code metric_series} itself (its
 * month partitions and primary key), agentstore's {@code recordPoints} with the ingest role and as the plain
 * runtime role (row-level security). The sides take turns in an order rotating round by round, each with a fresh
 * tenant and a {@code CHECKPOINT} before it. Then the aggregate per hour and route with percentiles over one
 * tenant's million points: agentstore's {@code seriesOverTime} against the same SQL by the administrator on
 * {@code metric_series} (no row-level security) and on the plain table. Prints a Markdown table of medians.
 */
public final class SeriesBenchmark {
    private static final int ROWS = 1_000_000;
    private static final int CHUNK = 10_000;
    private static final String SERIES = "llm.latency_ms";
    /** Yesterday: points are accepted within time-window.past of now. */
    private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    private static final String PLAIN = "public.bench_series_plain";
    private static final String COLUMNS = "tenant_id, series, recorded_at, value, labels";
    private static final String AGGREGATE = "select date_trunc('hour', recorded_at, 'UTC'), labels ->> 'route',"
            + " count(*), sum(value), min(value), max(value), avg(value),"
            + " percentile_cont(array[0.5, 0.95, 0.99]) within group (order by value)"
            + " from %s where tenant_id = ? and series = ? and recorded_at >= ? and recorded_at < ?"
            + " group by 1, 2";

    private SeriesBenchmark() {}

    /** One way of writing a round's points; returns the seconds it took. */
    private record Side(String label, Load load) {}

    @FunctionalInterface
    private interface Load {
        double run(String tenant, List<List<SeriesPoint>> chunks) throws Exception;
    }

    /** Runs {@code args[0]} rounds (default 3) and prints the table. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        PostgresDatabase database = PostgresDatabase.create(TestServers.postgres());
        StoreConfig withIngest = BenchmarkConfig.withIngestRole(database);
        database.executeAsAdmin("create table " + PLAIN + " (tenant_id text not null, series text collate \"C\" not"
                + " null, recorded_at timestamptz not null, value double precision not null, labels jsonb not null)");
        Instant start = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        try (AgentStore store = AgentStore.open(BenchmarkConfig.of(database));
                AgentStore ingesting = AgentStore.open(withIngest);
                Connection admin = database.adminConnection()) {
            admin.setAutoCommit(false);
            store.forTenant("warm-up").metrics().recordPoint(SeriesPoint.of(SERIES, start, 1)); // the day's partitions
            List<Side> sides = List.of(
                    new Side(
                            "raw binary COPY into a plain table",
                            (tenant, chunks) -> copy(admin, PLAIN, tenant, chunks)),
                    new Side(
                            "raw binary COPY into metric_series as its administrator",
                            (tenant, chunks) -> copy(admin, "agentstore.metric_series", tenant, chunks)),
                    new Side(
                            "agentstore recordPoints, with the ingest role",
                            (tenant, chunks) -> recorded(ingesting, tenant, chunks)),
                    new Side(
                            "agentstore recordPoints, plain runtime role (row-level security)",
                            (tenant, chunks) -> recorded(store, tenant, chunks)));
            double[][] seconds = new double[sides.size()][rounds];
            double[] ours = new double[rounds];
            double[] raw = new double[rounds];
            double[] plain = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                List<List<SeriesPoint>> chunks = chunks(day(round, start));
                for (int turn = 0; turn < sides.size(); turn++) {
                    int side = (turn + round) % sides.size();
                    database.executeAsAdmin("checkpoint");
                    seconds[side][round] = sides.get(side).load().run(tenant(side, round), chunks);
                }
                database.executeAsAdmin("vacuum analyze " + PLAIN);
                database.executeAsAdmin("vacuum analyze agentstore.metric_series");
                SeriesQuery day = SeriesQuery.of(SERIES, start, start.plusSeconds(86_400));
                int[] buckets = new int[1];
                String ourTenant = tenant(sides.size() - 1, round);
                String plainTenant = tenant(0, round);
                int[] rawRows = new int[1];
                int[] plainRows = new int[1];
                for (int warm = 0; warm < 2; warm++) { // the first call of each reads the pages into the cache
                    ours[round] = timed(() -> buckets[0] = store.forTenant(ourTenant)
                            .metrics()
                            .seriesOverTime(day, TimeBucket.HOUR, List.of("route"))
                            .size());
                    raw[round] =
                            timed(() -> rawRows[0] = aggregate(admin, "agentstore.metric_series", ourTenant, start));
                    plain[round] = timed(() -> plainRows[0] = aggregate(admin, PLAIN, plainTenant, start));
                }
                System.err.printf(
                        Locale.ROOT,
                        "round %d: ingest %s s; aggregate %.3f s (%d rows) vs raw %.3f s (%d rows), plain %.3f s (%d)%n",
                        round + 1,
                        Arrays.toString(column(seconds, round)),
                        ours[round],
                        buckets[0],
                        raw[round],
                        rawRows[0],
                        plain[round],
                        plainRows[0]);
            }
            System.out.println(
                    table(sides, seconds, rounds, Samples.median(ours), Samples.median(raw), Samples.median(plain)));
        }
    }

    private static String table(
            List<Side> sides, double[][] seconds, int rounds, double ours, double raw, double plainTable) {
        double plain = ROWS / Samples.median(seconds[0]);
        StringBuilder table = new StringBuilder(
                "| side | points/s | vs raw COPY into a plain table |%n| --- | ---: | ---: |%n".formatted());
        for (int side = 0; side < sides.size(); side++) {
            double rate = ROWS / Samples.median(seconds[side]);
            table.append(String.format(
                    Locale.ROOT, "| %s | %.0f | %.2fx |%n", sides.get(side).label(), rate, rate / plain));
        }
        table.append(String.format(
                Locale.ROOT,
                "%nAggregate of one tenant's 1,000,000 points per hour and route with p50/p95/p99: agentstore"
                        + " seriesOverTime %.3f s; the same SQL as the administrator on metric_series %.3f s (%.2fx), on"
                        + " the plain table (holding only that day's points of one tenant) %.3f s (%.2fx). Medians of %d"
                        + " rounds.%n",
                ours,
                raw,
                ours / raw,
                plainTable,
                ours / plainTable,
                rounds));
        return table.toString();
    }

    private static double[] column(double[][] seconds, int round) {
        double[] column = new double[seconds.length];
        for (int side = 0; side < seconds.length; side++) {
            column[side] = Math.round(seconds[side][round] * 100) / 100.0;
        }
        return column;
    }

    private static String tenant(int side, int round) {
        return "series-side" + side + "-" + round;
    }

    private static double copy(Connection admin, String table, String tenant, List<List<SeriesPoint>> chunks)
            throws SQLException {
        long begin = System.nanoTime();
        for (List<SeriesPoint> chunk : chunks) {
            BinaryCopy.copy(admin, "copy " + table + " (" + COLUMNS + ") from stdin (format binary)", rows -> {
                for (SeriesPoint p : chunk) {
                    rows.row(5)
                            .text(tenant)
                            .text(p.series())
                            .timestamp(p.recordedAt())
                            .float8(p.value())
                            .jsonb("{\"region\": \"" + p.labels().get("region") + "\", \"route\": \""
                                    + p.labels().get("route") + "\"}");
                }
            });
            admin.commit();
        }
        return (System.nanoTime() - begin) / 1e9;
    }

    private static double recorded(AgentStore store, String tenant, List<List<SeriesPoint>> chunks) {
        var metrics = store.forTenant(tenant).metrics();
        return timed(() -> chunks.forEach(metrics::recordPoints));
    }

    private static int aggregate(Connection admin, String table, String tenant, Instant start) {
        try (PreparedStatement query = admin.prepareStatement(AGGREGATE.formatted(table))) {
            query.setString(1, tenant);
            query.setString(2, SERIES);
            query.setTimestamp(3, Timestamp.from(start));
            query.setTimestamp(4, Timestamp.from(start.plusSeconds(86_400)));
            int rows = 0;
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    result.getArray(8).getArray();
                    rows++;
                }
            }
            admin.commit();
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<List<SeriesPoint>> chunks(List<SeriesPoint> rows) {
        List<List<SeriesPoint>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** One day of latencies, seeded per round: 8 routes, 3 regions, spread over 24 hours. */
    private static List<SeriesPoint> day(int round, Instant start) {
        Random random = new Random(round);
        List<SeriesPoint> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(SeriesPoint.of(
                    SERIES,
                    start.plusMillis((long) i * 86_400_000L / ROWS),
                    50 + random.nextDouble() * 4_000,
                    Map.of("route", "route-" + random.nextInt(8), "region", "region-" + random.nextInt(3))));
        }
        return rows;
    }

    private static double timed(Runnable work) {
        long begin = System.nanoTime();
        work.run();
        return (System.nanoTime() - begin) / 1e9;
    }
}

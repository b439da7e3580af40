package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.metrics.GenerationParameters;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricQuery;
import dev.agentstore.metrics.MetricsRepository;
import dev.agentstore.metrics.SeriesBucket;
import dev.agentstore.metrics.SeriesPoint;
import dev.agentstore.metrics.SeriesQuery;
import dev.agentstore.metrics.SeriesStats;
import dev.agentstore.metrics.SystemReading;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.metrics.TimeBucket;
import dev.agentstore.spi.Ids;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Labelled metric series (record, page, aggregate per bucket and label group, retention, isolation), the further
 * host readings of system samples and the sampling parameters of LLM metrics.
 */
public abstract class MetricSeriesContract extends StoreContract {
    private static final Instant DAY = Instant.parse("2026-03-10T00:00:00Z");
    private static final SeriesQuery LATENCY_DAY = SeriesQuery.of("retrieval.latency_ms", DAY, DAY.plusSeconds(86_400));

    /** The store's clock stands just after the suite's dates, which recorded times must lie near. */
    @BeforeEach
    void standAfterTheSuitesDays() {
        clock.set(Instant.parse("2026-03-12T00:00:00Z"));
    }

    private MetricsRepository repo() {
        return store.metrics();
    }

    private static SeriesPoint latency(int minute, double value, String index, String region) {
        return SeriesPoint.of("retrieval.latency_ms", DAY.plusSeconds(60L * minute), value)
                .withLabel("index", index)
                .withLabel("region", region);
    }

    @Test
    void should_page_the_points_of_one_series_oldest_first_filtered_by_labels() {
        repo().recordPoints(List.of(
                latency(1, 10, "docs", "eu"),
                latency(1, 11, "docs", "us"),
                latency(2, 12, "faq", "eu"),
                SeriesPoint.of("queue.depth", DAY.plusSeconds(60), 3),
                SeriesPoint.of("retrieval.latency_ms", DAY.minusSeconds(1), 99)));
        repo().recordPoint(latency(3, 13, "docs", "eu"));

        Page<SeriesPoint> first = repo().seriesPoints(LATENCY_DAY, PageRequest.first(3));
        Page<SeriesPoint> second = repo().seriesPoints(
                        LATENCY_DAY, first.nextRequest(PageRequest.first(3)).orElseThrow());

        assertThat(first.items()).extracting(SeriesPoint::value).containsExactly(10.0, 11.0, 12.0);
        assertThat(second.items()).extracting(SeriesPoint::value).containsExactly(13.0);
        assertThat(second.hasNext()).isFalse();
        assertThat(first.items().getFirst()).isEqualTo(latency(1, 10, "docs", "eu"));
        assertThat(repo().seriesPoints(
                                LATENCY_DAY.withLabel("index", "docs").withLabel("region", "eu"), PageRequest.first(10))
                        .items())
                .extracting(SeriesPoint::value)
                .containsExactly(10.0, 13.0);
        assertThat(repo().seriesPoints(LATENCY_DAY.withLabel("index", "none"), PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void should_aggregate_per_bucket_and_label_group_with_percentiles() {
        List<SeriesPoint> points = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            points.add(latency(i % 50, i, i % 2 == 0 ? "docs" : "faq", "eu"));
        }
        points.add(SeriesPoint.of("retrieval.latency_ms", DAY.plusSeconds(3_600), 500)
                .withLabel("region", "eu"));
        repo().recordPoints(points);

        List<SeriesBucket> byIndex = repo().seriesOverTime(LATENCY_DAY, TimeBucket.HOUR, List.of("index"));

        assertThat(byIndex).hasSize(3);
        SeriesBucket docs = byIndex.get(0);
        assertThat(docs.start()).isEqualTo(DAY);
        assertThat(docs.group()).isEqualTo(Map.of("index", "docs"));
        assertStats(docs.stats(), 50, 2550, 2, 100, 51, 51, 95.1, 99.02);
        assertThat(byIndex.get(1).group()).isEqualTo(Map.of("index", "faq"));
        assertStats(byIndex.get(1).stats(), 50, 2500, 1, 99, 50, 50, 94.1, 98.02);
        assertThat(byIndex.get(2).start()).isEqualTo(DAY.plusSeconds(3_600));
        assertThat(byIndex.get(2).group()).isEmpty();
        assertStats(byIndex.get(2).stats(), 1, 500, 500, 500, 500, 500, 500, 500);

        List<SeriesBucket> daily = repo().seriesOverTime(LATENCY_DAY, TimeBucket.DAY, List.of());
        assertThat(daily).singleElement().satisfies(bucket -> {
            assertThat(bucket.group()).isEmpty();
            assertThat(bucket.stats().count()).isEqualTo(101);
            assertThat(bucket.stats().max()).isEqualTo(500);
        });
        assertThat(repo().seriesOverTime(
                                LATENCY_DAY.withLabel("index", "faq"), TimeBucket.DAY, List.of("index", "region")))
                .singleElement()
                .satisfies(bucket -> {
                    assertThat(bucket.group()).isEqualTo(Map.of("index", "faq", "region", "eu"));
                    assertThat(bucket.stats().count()).isEqualTo(50);
                });
    }

    @Test
    void should_record_a_large_batch_atomically_through_the_fast_path() {
        List<SeriesPoint> points = IntStream.range(0, 5_000)
                .mapToObj(i -> latency(i % 1_440, i % 100, "i" + (i % 7), "eu"))
                .toList();
        repo().recordPoints(points);

        List<SeriesBucket> perIndex = repo().seriesOverTime(LATENCY_DAY, TimeBucket.DAY, List.of("index"));
        assertThat(perIndex).hasSize(7);
        assertThat(perIndex.stream().mapToLong(b -> b.stats().count()).sum()).isEqualTo(5_000);
        assertThat(perIndex.stream().mapToDouble(b -> b.stats().sum()).sum())
                .isEqualTo(points.stream().mapToDouble(SeriesPoint::value).sum());

        List<SeriesPoint> withOneOutOfWindow = new ArrayList<>(points.subList(0, 300));
        withOneOutOfWindow.add(
                SeriesPoint.of("retrieval.latency_ms", clock.instant().plus(Duration.ofDays(400)), 1));
        assertThatThrownBy(() -> repo().recordPoints(withOneOutOfWindow))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("points[300].recordedAt");
        assertThat(repo().seriesOverTime(LATENCY_DAY, TimeBucket.DAY, List.of())
                        .getFirst()
                        .stats()
                        .count())
                .isEqualTo(5_000);
    }

    @Test
    void should_reject_bad_names_labels_and_groupings_naming_the_field() {
        assertRejects("point.series", () -> SeriesPoint.of("9lives", DAY, 1));
        assertRejects("point.series", () -> SeriesPoint.of("drop table;", DAY, 1));
        assertRejects("point.value", () -> SeriesPoint.of("s", DAY, Double.NaN));
        assertRejects("point.labels key", () -> SeriesPoint.of("s", DAY, 1).withLabel("a-b", "x"));
        assertRejects("point.labels.a", () -> SeriesPoint.of("s", DAY, 1).withLabel("a", " "));
        assertRejects("point.labels", () -> SeriesPoint.of("s", DAY, 1, manyLabels(17)));
        assertRejects("groupBy[1]", () -> repo().seriesOverTime(LATENCY_DAY, TimeBucket.HOUR, List.of("a", "a")));
        assertRejects("groupBy[0]", () -> repo().seriesOverTime(LATENCY_DAY, TimeBucket.HOUR, List.of("x'y")));
        assertRejects("query.from", () -> SeriesQuery.of("s", DAY, DAY));
        assertThat(SeriesPoint.of("s", DAY, 1, manyLabels(16)).labels()).hasSize(16);
    }

    @Test
    void should_treat_label_values_as_data_not_sql() {
        String hostile = "eu'); delete from metric_series; --";
        repo().recordPoint(latency(1, 1, "docs", hostile));
        repo().recordPoint(latency(2, 2, "docs", "us"));

        assertThat(repo().seriesPoints(LATENCY_DAY.withLabel("region", hostile), PageRequest.first(10))
                        .items())
                .extracting(SeriesPoint::value)
                .containsExactly(1.0);
        assertThat(repo().seriesOverTime(LATENCY_DAY, TimeBucket.DAY, List.of("region")))
                .extracting(b -> b.group().get("region"))
                .containsExactly(hostile, "us");
    }

    @Test
    void should_keep_series_apart_between_tenants_and_drop_them_with_their_month() {
        Instant january = Instant.parse("2026-01-15T00:00:00Z");
        MetricsRepository other = otherTenant().metrics();
        repo().recordPoint(SeriesPoint.of("retrieval.latency_ms", january, 1));
        repo().recordPoint(latency(1, 2, "docs", "eu"));
        other.recordPoint(latency(1, 3, "docs", "eu"));
        SeriesQuery sinceJanuary = SeriesQuery.of("retrieval.latency_ms", january, DAY.plusSeconds(86_400));

        assertThat(repo().seriesPoints(sinceJanuary, PageRequest.first(10)).items())
                .extracting(SeriesPoint::value)
                .containsExactly(1.0, 2.0);
        assertThat(other.seriesOverTime(sinceJanuary, TimeBucket.DAY, List.of()))
                .singleElement()
                .satisfies(b -> assertThat(b.stats().sum()).isEqualTo(3.0));

        List<YearMonth> dropped = root().metricsRetention().dropMonthsBefore(DAY);

        assertThat(dropped).contains(YearMonth.of(2026, 1));
        assertThat(repo().seriesPoints(sinceJanuary, PageRequest.first(10)).items())
                .extracting(SeriesPoint::value)
                .containsExactly(2.0);
    }

    @Test
    void should_keep_a_samples_further_readings() {
        SystemSample sample = SystemSample.of(DAY, "gpu-box", 40, 50)
                .withGpu(90, 70)
                .with(SystemReading.GPU_TEMPERATURE_CELSIUS, 71.5)
                .with(SystemReading.GPU_POWER_WATTS, 310)
                .with(SystemReading.VRAM_USED_MB, 20_480)
                .with(SystemReading.NETWORK_RECEIVED_BYTES_PER_SECOND, 1.25e6)
                .with(SystemReading.APP_UPTIME_SECONDS, 86_400);
        List<SystemSample> many = IntStream.range(0, 300)
                .mapToObj(i -> SystemSample.of(DAY.plusSeconds(i + 1), "h", 1, 1)
                        .with(SystemReading.CPU_TEMPERATURE_CELSIUS, 40 + i % 10))
                .toList();
        repo().recordSystem(sample);
        repo().recordSystemBatch(many);

        List<SystemSample> stored = repo().systemSamples(DAY, DAY.plusSeconds(400), PageRequest.first(1_000))
                .items();

        assertThat(stored).hasSize(301);
        assertThat(stored.getFirst()).isEqualTo(sample);
        assertThat(stored.getFirst().reading(SystemReading.GPU_POWER_WATTS)).hasValue(310);
        assertThat(stored.getFirst().reading(SystemReading.GPU_FAN_RPM)).isEmpty();
        assertThat(stored.subList(1, 301)).isEqualTo(many);
        assertRejects(
                "sample.readings.gpu_temperature_celsius",
                () -> SystemSample.of(DAY, "h", 1, 1).with(SystemReading.GPU_TEMPERATURE_CELSIUS, 900));
    }

    @Test
    void should_keep_the_sampling_parameters_of_a_request() {
        LlmRequestMetric tuned = LlmRequestMetric.success(Ids.newId(), DAY, "m", 10, 20, 30)
                .withParameters(new GenerationParameters(0.7, 0.9, 512));
        LlmRequestMetric partly = LlmRequestMetric.success(Ids.newId(), DAY.plusSeconds(1), "m", 1, 1, 1)
                .withParameters(new GenerationParameters(null, null, 64));
        List<LlmRequestMetric> copied = IntStream.range(0, 300)
                .mapToObj(i -> LlmRequestMetric.success(Ids.newId(), DAY.plusSeconds(10 + i), "m", 1, 1, 1)
                        .withParameters(new GenerationParameters(i / 300.0, null, null)))
                .toList();
        repo().recordLlm(tuned);
        repo().recordLlm(partly);
        repo().recordLlmBatch(copied);

        List<LlmRequestMetric> stored = repo().llmMetrics(
                        MetricQuery.between(DAY, DAY.plusSeconds(86_400)), PageRequest.first(1_000))
                .items();

        assertThat(stored.subList(0, 2)).containsExactly(tuned, partly);
        assertThat(stored.subList(2, 302)).isEqualTo(copied);
        assertThat(LlmRequestMetric.success(Ids.newId(), DAY, "m", 1, 1, 1).parameters())
                .isEqualTo(GenerationParameters.DEFAULTS);
        assertRejects("parameters.topP", () -> new GenerationParameters(null, 1.5, null));
        assertRejects("parameters.maxTokens", () -> new GenerationParameters(null, null, 0));
    }

    private static Map<String, String> manyLabels(int count) {
        Map<String, String> labels = new java.util.TreeMap<>();
        for (int i = 0; i < count; i++) {
            labels.put("l" + i, "v");
        }
        return labels;
    }

    private static void assertStats(
            SeriesStats stats,
            long count,
            double sum,
            double min,
            double max,
            double mean,
            double p50,
            double p95,
            double p99) {
        assertThat(stats.count()).isEqualTo(count);
        assertThat(stats.sum()).isCloseTo(sum, within(1e-9));
        assertThat(stats.min()).isEqualTo(min);
        assertThat(stats.max()).isEqualTo(max);
        assertThat(stats.mean()).isCloseTo(mean, within(1e-9));
        assertThat(stats.p50()).isCloseTo(p50, within(1e-9));
        assertThat(stats.p95()).isCloseTo(p95, within(1e-9));
        assertThat(stats.p99()).isCloseTo(p99, within(1e-9));
    }

    private static void assertRejects(String field, Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}

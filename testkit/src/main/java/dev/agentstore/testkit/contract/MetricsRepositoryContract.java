package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.metrics.DailySummary;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricQuery;
import dev.agentstore.metrics.MetricsRepository;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.metrics.TimeBucket;
import dev.agentstore.metrics.UsageStats;
import dev.agentstore.model.ModelFormat;
import dev.agentstore.model.ModelPricing;
import dev.agentstore.model.ModelSpec;
import dev.agentstore.spi.Ids;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Metrics recording, queries, aggregates, rollups and retention. */
public abstract class MetricsRepositoryContract extends StoreContract {
    /** The store's clock stands just after the suite's dates, which recorded times must lie near. */
    @BeforeEach
    void standAfterTheSuitesDays() {
        clock.set(Instant.parse("2026-03-12T00:00:00Z"));
    }

    private static final Instant DAY = Instant.parse("2026-03-10T00:00:00Z");

    private MetricsRepository repo() {
        return store.metrics();
    }

    private static LlmRequestMetric metric(String model, int minute, long latency) {
        return LlmRequestMetric.success(Ids.newId(), DAY.plusSeconds(60L * minute), model, 100, 50, latency);
    }

    private static final MetricQuery WHOLE_DAY = MetricQuery.between(DAY, DAY.plusSeconds(86_400));

    @Test
    void should_start_empty() {
        assertThat(repo().llmMetrics(WHOLE_DAY, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void should_record_and_query_llm_metrics_by_range_model_and_session() {
        UUID session = UUID.randomUUID();
        repo().recordLlm(metric("a", 1, 100).inSession(session, null));
        repo().recordLlm(metric("b", 2, 100));
        repo().recordLlm(LlmRequestMetric.success(Ids.newId(), DAY.minusSeconds(1), "a", 1, 1, 1));
        assertThat(repo().llmMetrics(WHOLE_DAY, PageRequest.first(10)).items()).hasSize(2);
        assertThat(repo().llmMetrics(WHOLE_DAY.forModel("a"), PageRequest.first(10))
                        .items())
                .hasSize(1);
        assertThat(repo().llmMetrics(WHOLE_DAY.forSession(session), PageRequest.first(10))
                        .items())
                .extracting(LlmRequestMetric::model)
                .containsExactly("a");
    }

    @Test
    void should_ignore_a_repeated_metric() {
        LlmRequestMetric m = metric("a", 1, 100);
        assertThat(repo().recordLlm(m)).isTrue();
        assertThat(repo().recordLlm(m)).isFalse();
        assertThat(repo().recordLlmBatch(List.of(m, metric("a", 2, 100)))).isEqualTo(1);
        assertThat(repo().llmMetrics(WHOLE_DAY, PageRequest.first(10)).items()).hasSize(2);
    }

    @Test
    void should_record_a_batch_atomically() {
        List<LlmRequestMetric> batch = new ArrayList<>(List.of(metric("a", 1, 1), metric("a", 2, 1)));
        batch.add(null);
        assertThatThrownBy(() -> repo().recordLlmBatch(batch)).isInstanceOf(InvalidInputException.class);
        assertThat(repo().llmMetrics(WHOLE_DAY, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void should_page_metrics_oldest_first() {
        repo().recordLlmBatch(
                        IntStream.range(0, 25).mapToObj(i -> metric("a", i, i)).toList());
        List<Long> latencies = new ArrayList<>();
        PageRequest request = PageRequest.first(10);
        while (request != null) {
            var page = repo().llmMetrics(WHOLE_DAY, request);
            page.items().forEach(m -> latencies.add(m.latencyMillis()));
            request = page.nextRequest(request).orElse(null);
        }
        assertThat(latencies)
                .containsExactlyElementsOf(
                        IntStream.range(0, 25).mapToObj(Long::valueOf).toList());
    }

    @Test
    void should_aggregate_per_model_with_interpolated_percentiles() {
        repo().recordLlmBatch(IntStream.rangeClosed(1, 100)
                .mapToObj(i -> metric("a", i, i * 10L))
                .toList());
        repo().recordLlm(metric("b", 1, 1000).withCacheHit(true));
        SortedMap<String, UsageStats> stats = repo().usageByModel(WHOLE_DAY);
        assertThat(stats.keySet()).containsExactly("a", "b");
        UsageStats a = stats.get("a");
        assertThat(a.requests()).isEqualTo(100);
        assertThat(a.promptTokens()).isEqualTo(10_000);
        assertThat(a.completionTokens()).isEqualTo(5_000);
        assertThat(a.p50LatencyMillis()).isCloseTo(505.0, within(1e-6));
        assertThat(a.p95LatencyMillis()).isCloseTo(950.5, within(1e-6));
        assertThat(a.p99LatencyMillis()).isCloseTo(990.1, within(1e-6));
        assertThat(a.cacheHitRate()).isZero();
        assertThat(stats.get("b").cacheHitRate()).isEqualTo(1.0);
        assertThat(stats.get("b").avgTokensPerSecond()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void should_bucket_usage_by_hour() {
        repo().recordLlm(metric("a", 5, 10));
        repo().recordLlm(metric("a", 50, 10));
        repo().recordLlm(metric("a", 65, 10).failed("timeout"));
        SortedMap<Instant, UsageStats> hours = repo().usageOverTime(WHOLE_DAY, TimeBucket.HOUR);
        assertThat(hours.keySet()).containsExactly(DAY, DAY.plusSeconds(3600));
        assertThat(hours.get(DAY).requests()).isEqualTo(2);
        assertThat(hours.get(DAY.plusSeconds(3600)).errorRate()).isEqualTo(1.0);
    }

    @Test
    void should_record_and_page_system_samples() {
        repo().recordSystemBatch(IntStream.range(0, 5)
                .mapToObj(i -> SystemSample.of(DAY.plusSeconds(i), "host-1", i * 10, 50))
                .toList());
        repo().recordSystem(SystemSample.of(DAY.plusSeconds(10), "host-1", 1, 1).withGpu(90, 80));
        var page = repo().systemSamples(DAY, DAY.plusSeconds(60), PageRequest.first(4));
        assertThat(page.items()).hasSize(4);
        assertThat(repo().systemSamples(
                                DAY,
                                DAY.plusSeconds(60),
                                page.nextRequest(PageRequest.first(4)).orElseThrow())
                        .items())
                .hasSize(2);
    }

    @Test
    void should_page_samples_of_one_instant_from_many_hosts_without_repeats() {
        repo().recordSystemBatch(IntStream.range(0, 7)
                .mapToObj(i -> SystemSample.of(DAY, "host-" + i, i, 50))
                .toList());
        List<String> hosts = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        while (request != null) {
            Page<SystemSample> page = repo().systemSamples(DAY, DAY.plusSeconds(1), request);
            page.items().forEach(sample -> hosts.add(sample.host()));
            request = page.nextRequest(request).orElse(null);
        }
        assertThat(hosts).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    void should_keep_a_metrics_cursor_on_its_row_when_earlier_months_go() {
        Instant february = Instant.parse("2026-02-27T00:00:00Z");
        List<LlmRequestMetric> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(LlmRequestMetric.success(Ids.newId(), february.plusSeconds(i), "m", 1, 1, 1));
            rows.add(metric("m", i, 10));
        }
        repo().recordLlmBatch(rows);
        MetricQuery both = MetricQuery.between(february, DAY.plusSeconds(86_400));
        Page<LlmRequestMetric> first = repo().llmMetrics(both, PageRequest.first(4));

        root().metricsRetention().dropMonthsBefore(DAY);
        Page<LlmRequestMetric> second =
                repo().llmMetrics(both, first.nextRequest(PageRequest.first(4)).orElseThrow());

        assertThat(second.items())
                .extracting(LlmRequestMetric::recordedAt)
                .containsExactly(DAY.plusSeconds(60), DAY.plusSeconds(120));
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void should_roll_up_a_day_idempotently_with_peaks_most_used_model_and_cost_per_currency() {
        store.models()
                .register(ModelSpec.builder("priced", ModelFormat.API)
                        .pricing(ModelPricing.usd("1.0", "2.0"))
                        .build());
        store.models()
                .register(ModelSpec.builder("euro", ModelFormat.API)
                        .pricing(new ModelPricing(new BigDecimal("3.0"), BigDecimal.ZERO, "EUR"))
                        .build());
        repo().recordLlmBatch(List.of(
                metric("priced", 1, 10), metric("priced", 2, 20), metric("free", 3, 30), metric("euro", 4, 40)));
        repo().recordSystemBatch(List.of(
                SystemSample.of(DAY.plusSeconds(5), "h", 40, 60).withGpu(70, 10),
                SystemSample.of(DAY.plusSeconds(6), "h", 90, 20)));
        DailySummary first = repo().rollupDay(LocalDate.of(2026, 3, 10));
        DailySummary second = repo().rollupDay(LocalDate.of(2026, 3, 10));
        assertThat(second).isEqualTo(first);
        assertThat(first.usage().requests()).isEqualTo(4);
        assertThat(first.mostUsedModel()).isEqualTo("priced");
        assertThat(first.peakCpuPercent()).isEqualTo(90.0);
        assertThat(first.peakMemoryPercent()).isEqualTo(60.0);
        assertThat(first.peakGpuPercent()).isEqualTo(70.0);
        // USD: 2 requests x (100 x 1.0 + 50 x 2.0) / 1000 = 0.4; EUR: 1 request x 100 x 3.0 / 1000 = 0.3, not added
        assertThat(first.costByCurrency()).containsOnlyKeys("EUR", "USD");
        assertThat(first.cost("USD")).isEqualByComparingTo(new BigDecimal("0.4"));
        assertThat(first.cost("EUR")).isEqualByComparingTo(new BigDecimal("0.3"));
        assertThat(first.cost("GBP")).isZero();
        assertThat(repo().dailySummary(LocalDate.of(2026, 3, 10))).contains(first);
    }

    @Test
    void should_roll_up_an_empty_day_to_zeroes() {
        DailySummary empty = repo().rollupDay(LocalDate.of(2026, 1, 1));
        assertThat(empty.usage().requests()).isZero();
        assertThat(empty.mostUsedModel()).isNull();
        assertThat(empty.peakCpuPercent()).isNull();
        assertThat(empty.priced()).isFalse();
        assertThat(empty.costByCurrency()).isEmpty();
    }

    @Test
    void should_drop_whole_months_before_a_cutoff_for_every_tenant_and_keep_summaries() {
        Instant january = Instant.parse("2026-01-15T12:00:00Z");
        MetricsRepository other = otherTenant().metrics();
        repo().recordLlmBatch(List.of(
                LlmRequestMetric.success(Ids.newId(), january, "a", 1, 1, 1),
                LlmRequestMetric.success(Ids.newId(), january.plusSeconds(1), "a", 1, 1, 1)));
        other.recordLlm(LlmRequestMetric.success(Ids.newId(), january, "a", 1, 1, 1));
        repo().recordSystem(SystemSample.of(january, "h", 10, 10));
        repo().recordLlm(metric("a", 1, 1));
        repo().recordLlm(LlmRequestMetric.success(Ids.newId(), DAY.plusSeconds(200_000), "a", 1, 1, 1));
        repo().rollupDay(LocalDate.of(2026, 1, 15));

        List<YearMonth> dropped = root().metricsRetention().dropMonthsBefore(DAY.plusSeconds(86_400));

        assertThat(dropped).contains(YearMonth.of(2026, 1)).doesNotContain(YearMonth.of(2026, 3));
        MetricQuery untilNow = MetricQuery.between(Instant.parse("2025-12-01T00:00:00Z"), DAY.plusSeconds(300_000));
        assertThat(repo().llmMetrics(untilNow, PageRequest.first(10)).items())
                .extracting(LlmRequestMetric::recordedAt)
                .containsExactly(DAY.plusSeconds(60), DAY.plusSeconds(200_000));
        assertThat(other.llmMetrics(untilNow, PageRequest.first(10)).items()).isEmpty();
        assertThat(repo().systemSamples(january.minusSeconds(1), DAY, PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(repo().dailySummary(LocalDate.of(2026, 1, 15)))
                .hasValueSatisfying(s -> assertThat(s.usage().requests()).isEqualTo(2));
    }

    @Test
    void should_refuse_retention_on_a_tenant_view() {
        assertThatThrownBy(() -> store.metricsRetention()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void should_reject_an_inverted_time_range() {
        assertThatThrownBy(() -> MetricQuery.between(DAY, DAY)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> repo().systemSamples(DAY, DAY.minusSeconds(1), PageRequest.first(1)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void should_refuse_times_far_from_now_and_a_batch_of_a_thousand_months_storing_nothing() {
        Instant now = clock.instant();
        List<LlmRequestMetric> thousandMonths = new ArrayList<>();
        for (int month = 0; month < 1_000; month++) {
            Instant at = java.time.OffsetDateTime.parse("1970-01-15T00:00:00Z")
                    .plusMonths(month)
                    .toInstant();
            thousandMonths.add(LlmRequestMetric.success(Ids.newId(), at, "m", 1, 1, 1));
        }
        assertThatThrownBy(() -> repo().recordLlmBatch(thousandMonths))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("metrics[0].recordedAt")
                .hasMessageContaining("time-window.past");
        assertThatThrownBy(() -> repo().recordLlm(
                                LlmRequestMetric.success(Ids.newId(), now.plus(Duration.ofDays(2)), "m", 1, 1, 1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("metric.recordedAt");
        assertThatThrownBy(() -> repo().recordSystem(SystemSample.of(now.minus(Duration.ofDays(401)), "h", 1, 1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sample.recordedAt");
        assertThatThrownBy(() -> repo().recordSystemBatch(List.of(
                        SystemSample.of(now, "h", 1, 1),
                        SystemSample.of(Instant.parse("9999-01-01T00:00:00Z"), "h", 1, 1))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("samples[1].recordedAt");
        MetricQuery everything = MetricQuery.between(Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"));
        assertThat(repo().llmMetrics(everything, PageRequest.first(10)).items()).isEmpty();
        assertThat(repo().systemSamples(everything.from(), everything.to(), PageRequest.first(10))
                        .items())
                .as("nothing of a refused batch is stored")
                .isEmpty();

        assertThat(repo().recordLlm(
                                LlmRequestMetric.success(Ids.newId(), now.plus(Duration.ofHours(23)), "m", 1, 1, 1)))
                .isTrue();
        assertThat(repo().recordLlm(
                                LlmRequestMetric.success(Ids.newId(), now.minus(Duration.ofDays(399)), "m", 1, 1, 1)))
                .isTrue();
    }
}

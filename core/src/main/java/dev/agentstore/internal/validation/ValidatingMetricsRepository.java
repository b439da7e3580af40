package dev.agentstore.internal.validation;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Limits;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.OpenGuard;
import dev.agentstore.internal.SeriesLabels;
import dev.agentstore.internal.WriteLimits;
import dev.agentstore.metrics.ActivityDimension;
import dev.agentstore.metrics.DailyActivity;
import dev.agentstore.metrics.DailySummary;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricQuery;
import dev.agentstore.metrics.MetricsRepository;
import dev.agentstore.metrics.SeriesBucket;
import dev.agentstore.metrics.SeriesPoint;
import dev.agentstore.metrics.SeriesQuery;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.metrics.TimeBucket;
import dev.agentstore.metrics.UsageStats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;

/** Checks every argument before the backend sees it. */
public final class ValidatingMetricsRepository implements MetricsRepository {
    private final OpenGuard open;
    private static final LocalDate MIN_DAY = LocalDate.of(1970, 1, 1);
    private static final LocalDate MAX_DAY = LocalDate.of(9999, 12, 31);

    private final MetricsRepository backend;
    private final WriteLimits limits;

    /** Checks arguments for {@code backend}; recorded times must lie within {@code limits}' window. */
    public ValidatingMetricsRepository(OpenGuard open, MetricsRepository backend, WriteLimits limits) {
        this.open = open;
        this.backend = backend;
        this.limits = limits;
    }

    @Override
    public void recordSystem(SystemSample sample) {
        open.check();
        limits.within("sample.recordedAt", Check.present("sample", sample).recordedAt());
        backend.recordSystem(sample);
    }

    @Override
    public void recordSystemBatch(List<SystemSample> samples) {
        open.check();
        List<SystemSample> batch = List.copyOf(Check.batch("samples", samples, Limits.MAX_METRIC_BATCH));
        for (int i = 0; i < batch.size(); i++) {
            limits.within("samples[" + i + "].recordedAt", batch.get(i).recordedAt());
        }
        if (!batch.isEmpty()) {
            backend.recordSystemBatch(batch);
        }
    }

    @Override
    public boolean recordLlm(LlmRequestMetric metric) {
        open.check();
        limits.within("metric.recordedAt", Check.present("metric", metric).recordedAt());
        return backend.recordLlm(metric);
    }

    @Override
    public long recordLlmBatch(List<LlmRequestMetric> metrics) {
        open.check();
        List<LlmRequestMetric> batch = List.copyOf(Check.batch("metrics", metrics, Limits.MAX_METRIC_BATCH));
        for (int i = 0; i < batch.size(); i++) {
            limits.within("metrics[" + i + "].recordedAt", batch.get(i).recordedAt());
        }
        return batch.isEmpty() ? 0 : backend.recordLlmBatch(batch);
    }

    @Override
    public void recordPoint(SeriesPoint point) {
        open.check();
        limits.within("point.recordedAt", Check.present("point", point).recordedAt());
        backend.recordPoint(point);
    }

    @Override
    public void recordPoints(List<SeriesPoint> points) {
        open.check();
        List<SeriesPoint> batch = List.copyOf(Check.batch("points", points, Limits.MAX_METRIC_BATCH));
        for (int i = 0; i < batch.size(); i++) {
            limits.within("points[" + i + "].recordedAt", batch.get(i).recordedAt());
        }
        if (!batch.isEmpty()) {
            backend.recordPoints(batch);
        }
    }

    @Override
    public Page<SeriesPoint> seriesPoints(SeriesQuery query, PageRequest page) {
        open.check();
        return backend.seriesPoints(Check.present("query", query), Check.present("page", page));
    }

    @Override
    public List<SeriesBucket> seriesOverTime(SeriesQuery query, TimeBucket bucket, List<String> groupBy) {
        open.check();
        Check.present("query", query);
        Check.present("bucket", bucket);
        return backend.seriesOverTime(query, bucket, SeriesLabels.groupBy("groupBy", groupBy));
    }

    @Override
    public Page<SystemSample> systemSamples(Instant from, Instant to, PageRequest page) {
        open.check();
        Check.timeRange("from", from, "to", to);
        return backend.systemSamples(from, to, Check.present("page", page));
    }

    @Override
    public Page<LlmRequestMetric> llmMetrics(MetricQuery query, PageRequest page) {
        open.check();
        return backend.llmMetrics(Check.present("query", query), Check.present("page", page));
    }

    @Override
    public SortedMap<String, UsageStats> usageByModel(MetricQuery query) {
        open.check();
        return backend.usageByModel(Check.present("query", query));
    }

    @Override
    public SortedMap<Instant, UsageStats> usageOverTime(MetricQuery query, TimeBucket bucket) {
        open.check();
        return backend.usageOverTime(Check.present("query", query), Check.present("bucket", bucket));
    }

    @Override
    public DailySummary rollupDay(LocalDate day) {
        open.check();
        return backend.rollupDay(day("day", day));
    }

    @Override
    public Optional<DailySummary> dailySummary(LocalDate day) {
        open.check();
        return backend.dailySummary(day("day", day));
    }

    @Override
    public List<DailySummary> dailySummaries(LocalDate from, LocalDate to) {
        open.check();
        days(from, to);
        return backend.dailySummaries(from, to);
    }

    @Override
    public List<DailyActivity> rollupActivity(LocalDate day) {
        open.check();
        return backend.rollupActivity(day("day", day));
    }

    @Override
    public List<DailyActivity> activity(ActivityDimension dimension, LocalDate from, LocalDate to) {
        open.check();
        Check.present("dimension", dimension);
        days(from, to);
        return backend.activity(dimension, from, to);
    }

    @Override
    public List<DailyActivity> activityOf(ActivityDimension dimension, UUID subjectId, LocalDate from, LocalDate to) {
        open.check();
        Check.present("dimension", dimension);
        Check.id("subjectId", subjectId);
        days(from, to);
        return backend.activityOf(dimension, subjectId, from, to);
    }

    private static void days(LocalDate from, LocalDate to) {
        day("from", from);
        day("to", to);
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "must not be after to, but was " + from + " > " + to);
        }
    }

    private static LocalDate day(String field, LocalDate day) {
        Check.present(field, day);
        if (day.isBefore(MIN_DAY) || day.isAfter(MAX_DAY)) {
            throw new InvalidInputException(field, "must be between years 1970 and 9999, but was " + day);
        }
        return day;
    }
}

package dev.agentstore.metrics;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;

/**
 * System and LLM metrics of one tenant. Thread-safe. Batches are atomic: a batch with one bad row is
 * rejected whole and writes nothing. Raw rows live until {@link MetricsRetention} drops their month; daily
 * summaries stay.
 */
public interface MetricsRepository {

    /** Records one system sample. */
    void recordSystem(SystemSample sample);

    /** Records system samples atomically; an empty list is a no-op. */
    void recordSystemBatch(List<SystemSample> samples);

    /**
     * Records one LLM request metric. A metric is identified by its request id and time, so recording the same
     * metric again (a retry) changes nothing.
     *
     * @return false if a metric with the same request id and time was already recorded (nothing changes)
     */
    boolean recordLlm(LlmRequestMetric metric);

    /**
     * Records LLM request metrics atomically, skipping those already recorded (or repeated within the batch):
     * the same request id and time.
     *
     * @return how many were new
     */
    long recordLlmBatch(List<LlmRequestMetric> metrics);

    /** Records one point of a labelled series. */
    void recordPoint(SeriesPoint point);

    /**
     * Records points of labelled series atomically; an empty list is a no-op. Large batches stream through
     * binary COPY, as LLM metrics do. Points are not deduplicated: recording one twice counts it twice.
     */
    void recordPoints(List<SeriesPoint> points);

    /** System samples in {@code [from, to)}, oldest first, keyset-paged. */
    Page<SystemSample> systemSamples(Instant from, Instant to, PageRequest page);

    /** LLM metrics matching {@code query}, oldest first, keyset-paged. */
    Page<LlmRequestMetric> llmMetrics(MetricQuery query, PageRequest page);

    /** The points matching {@code query}, oldest first (in recording order within an instant), keyset-paged. */
    Page<SeriesPoint> seriesPoints(SeriesQuery query, PageRequest page);

    /**
     * Aggregates the points matching {@code query} per UTC time bucket and per combination of the values of the
     * labels in {@code groupBy} (none: one row per bucket), with count, sum, min, max, mean and percentiles.
     *
     * @return one row per bucket and group that has points, in {@link SeriesBucket}'s order
     */
    List<SeriesBucket> seriesOverTime(SeriesQuery query, TimeBucket bucket, List<String> groupBy);

    /** Aggregates per model over the metrics matching {@code query}, keyed and ordered by model name. */
    SortedMap<String, UsageStats> usageByModel(MetricQuery query);

    /** Aggregates per UTC time bucket over the metrics matching {@code query}, keyed by bucket start. */
    SortedMap<Instant, UsageStats> usageOverTime(MetricQuery query, TimeBucket bucket);

    /**
     * Computes (or recomputes) the summary of one UTC day from the raw rows and stores it. Idempotent: running
     * it twice over the same rows gives the same summary.
     */
    DailySummary rollupDay(LocalDate day);

    /** The stored summary of a day. */
    Optional<DailySummary> dailySummary(LocalDate day);

    /** Stored summaries for days in {@code [from, to]}, oldest first. */
    List<DailySummary> dailySummaries(LocalDate from, LocalDate to);

    /**
     * Computes (or recomputes) the activity of one UTC day per agent and per user from the day's raw rows
     * (conversations, messages, LLM metrics, feedback) and stores it, replacing what an earlier run stored for that
     * day. Idempotent; reads only the conversations active since the day began and the day's rows, never whole
     * tables. Run it for yesterday once a day, and again for any day whose rows changed.
     *
     * @return the stored rows of the day, agents first, each dimension in {@link DailyActivity#subjectId()} order
     *     (the agent row without an agent first)
     */
    List<DailyActivity> rollupActivity(LocalDate day);

    /** Stored activity rows of {@code dimension} for days in {@code [from, to]}, by day, then subject. */
    List<DailyActivity> activity(ActivityDimension dimension, LocalDate from, LocalDate to);

    /** Stored activity rows of one agent or user for days in {@code [from, to]}, oldest first. */
    List<DailyActivity> activityOf(ActivityDimension dimension, UUID subjectId, LocalDate from, LocalDate to);
}

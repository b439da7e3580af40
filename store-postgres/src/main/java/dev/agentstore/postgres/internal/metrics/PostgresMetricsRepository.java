package dev.agentstore.postgres.internal.metrics;

import static dev.agentstore.postgres.internal.jooq.Tables.DAILY_ACTIVITY;
import static dev.agentstore.postgres.internal.jooq.Tables.DAILY_METRICS_SUMMARY;
import static dev.agentstore.postgres.internal.jooq.Tables.LLM_METRICS;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.metrics.ActivityDimension;
import dev.agentstore.metrics.DailyActivity;
import dev.agentstore.metrics.DailySummary;
import dev.agentstore.metrics.GenerationParameters;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricQuery;
import dev.agentstore.metrics.MetricsRepository;
import dev.agentstore.metrics.SeriesBucket;
import dev.agentstore.metrics.SeriesPoint;
import dev.agentstore.metrics.SeriesQuery;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.metrics.TimeBucket;
import dev.agentstore.metrics.UsageStats;
import dev.agentstore.postgres.internal.Conditions;
import dev.agentstore.postgres.internal.partition.MonthlyPartitions;
import dev.agentstore.postgres.spi.RowReader;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.spi.Pages;
import dev.agentstore.spi.TimeKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The metrics of one tenant in the month-partitioned {@code system_metrics}, {@code llm_metrics} and
 * {@code metric_series}. Writes make
 * sure their months have partitions first and are atomic (one transaction; COPY for large batches); aggregates
 * and rollups run in SQL.
 */
public final class PostgresMetricsRepository implements MetricsRepository {
    private final TenantSql sql;
    private final MonthlyPartitions partitions;
    private final MetricIngest ingest;
    private final Clock clock;

    /**
     * The metrics of {@code sql}'s tenant.
     *
     * @param ingest the ingest role's COPY path for large batches, or null to write every batch under row-level
     *     security
     */
    public PostgresMetricsRepository(TenantSql sql, MonthlyPartitions partitions, MetricIngest ingest, Clock clock) {
        this.sql = sql;
        this.partitions = partitions;
        this.ingest = ingest;
        this.clock = clock;
    }

    @Override
    public void recordSystem(SystemSample sample) {
        recordSystemBatch(List.of(sample));
    }

    @Override
    public void recordSystemBatch(List<SystemSample> samples) {
        write(samples, SystemSample::recordedAt, () -> {
            if (viaIngest(samples)) {
                ingest.system(sql.tenant(), samples);
            } else {
                sql.transaction((connection, dsl) -> {
                    MetricWriter.system(connection, dsl, sql.tenant(), samples);
                    return 0L;
                });
            }
            return 0L;
        });
    }

    @Override
    public boolean recordLlm(LlmRequestMetric metric) {
        return recordLlmBatch(List.of(metric)) == 1;
    }

    @Override
    public long recordLlmBatch(List<LlmRequestMetric> metrics) {
        return write(metrics, LlmRequestMetric::recordedAt, () -> {
            if (viaIngest(metrics)) {
                long copied = ingest.llm(sql.tenant(), metrics);
                if (copied != MetricIngest.ALREADY_RECORDED) {
                    return copied;
                }
            }
            return sql.transaction((connection, dsl) -> MetricWriter.llm(connection, dsl, sql.tenant(), metrics));
        });
    }

    @Override
    public void recordPoint(SeriesPoint point) {
        recordPoints(List.of(point));
    }

    @Override
    public void recordPoints(List<SeriesPoint> points) {
        write(points, SeriesPoint::recordedAt, () -> {
            if (viaIngest(points)) {
                ingest.series(sql.tenant(), points);
            } else {
                sql.transaction((connection, dsl) -> {
                    MetricWriter.series(connection, dsl, sql.tenant(), points);
                    return 0L;
                });
            }
            return 0L;
        });
    }

    @Override
    public Page<SeriesPoint> seriesPoints(SeriesQuery query, PageRequest page) {
        return SeriesReads.points(sql, query, page);
    }

    @Override
    public List<SeriesBucket> seriesOverTime(SeriesQuery query, TimeBucket bucket, List<String> groupBy) {
        return SeriesReads.overTime(sql, query, bucket, groupBy);
    }

    /** Whether a batch goes through the ingest role: one is configured and the batch is large enough for COPY. */
    private boolean viaIngest(List<?> batch) {
        return ingest != null && batch.size() >= MetricWriter.COPY_THRESHOLD;
    }

    @Override
    public Page<SystemSample> systemSamples(Instant from, Instant to, PageRequest page) {
        return SystemSampleReads.page(sql, from, to, page);
    }

    @Override
    public Page<LlmRequestMetric> llmMetrics(MetricQuery query, PageRequest page) {
        Condition after = page.cursor() == null ? DSL.trueCondition() : afterMetric(TimeKey.fromCursor(page.cursor()));
        List<LlmRequestMetric> rows = sql.replicaReads()
                .query(
                        DSL.select(LLM_METRICS.fields())
                                .from(LLM_METRICS)
                                .where(matching(query), after)
                                .orderBy(LLM_METRICS.RECORDED_AT, LLM_METRICS.REQUEST_ID)
                                .limit(DSL.inline(page.limit() + 1)),
                        row -> new LlmRequestMetric(
                                row.getObject(3, UUID.class),
                                instant(row.getObject(2, OffsetDateTime.class)),
                                row.getString(4),
                                row.getObject(5, UUID.class),
                                row.getObject(6, UUID.class),
                                row.getInt(7),
                                row.getInt(8),
                                row.getLong(9),
                                row.getObject(10, Long.class),
                                row.getBoolean(11),
                                row.getBoolean(12),
                                row.getString(13),
                                new GenerationParameters(
                                        row.getObject(14, Double.class),
                                        row.getObject(15, Double.class),
                                        row.getObject(16, Integer.class))));
        return Pages.of(
                rows,
                page.limit(),
                m -> TimeKey.ofId(m.recordedAt(), m.requestId()).position());
    }

    @Override
    public SortedMap<String, UsageStats> usageByModel(MetricQuery query) {
        return usageBy(LLM_METRICS.MODEL, query, row -> row.getString(1));
    }

    @Override
    public SortedMap<Instant, UsageStats> usageOverTime(MetricQuery query, TimeBucket bucket) {
        Field<OffsetDateTime> start = DSL.field(
                "date_trunc({0}, {1}, 'UTC')",
                SQLDataType.TIMESTAMPWITHTIMEZONE,
                DSL.inline(bucket.name().toLowerCase(Locale.ROOT)),
                LLM_METRICS.RECORDED_AT);
        return usageBy(start, query, row -> instant(row.getObject(1, OffsetDateTime.class)));
    }

    @Override
    public DailySummary rollupDay(LocalDate day) {
        return DailyRollup.run(sql, day, clock.instant());
    }

    @Override
    public Optional<DailySummary> dailySummary(LocalDate day) {
        return summaries(DAILY_METRICS_SUMMARY.DAY.eq(day)).stream().findFirst();
    }

    @Override
    public List<DailySummary> dailySummaries(LocalDate from, LocalDate to) {
        return summaries(DAILY_METRICS_SUMMARY.DAY.between(from, to));
    }

    @Override
    public List<DailyActivity> rollupActivity(LocalDate day) {
        return ActivityRollupStatement.run(sql, day, clock.instant());
    }

    @Override
    public List<DailyActivity> activity(ActivityDimension dimension, LocalDate from, LocalDate to) {
        return ActivityRollupStatement.read(sql, dimension, DAILY_ACTIVITY.DAY.between(from, to));
    }

    @Override
    public List<DailyActivity> activityOf(ActivityDimension dimension, UUID subjectId, LocalDate from, LocalDate to) {
        return ActivityRollupStatement.read(
                sql, dimension, DSL.and(DAILY_ACTIVITY.SUBJECT_ID.eq(subjectId), DAILY_ACTIVITY.DAY.between(from, to)));
    }

    private List<DailySummary> summaries(Condition days) {
        return sql.replicaReads()
                .query(
                        DSL.select(DailyRollup.SUMMARY)
                                .from(DAILY_METRICS_SUMMARY)
                                .where(DAILY_METRICS_SUMMARY.TENANT_ID.eq(sql.tenant()), days)
                                .orderBy(DAILY_METRICS_SUMMARY.DAY),
                        DailyRollup.READER);
    }

    /** Aggregates per value of {@code key}, the key first and then the usage columns, sorted by key. */
    private <K extends Comparable<K>> SortedMap<K, UsageStats> usageBy(
            Field<?> key, MetricQuery query, RowReader<K> keyReader) {
        List<Field<?>> columns = new ArrayList<>();
        columns.add(key);
        columns.addAll(UsageColumns.FIELDS);
        SortedMap<K, UsageStats> result = new TreeMap<>();
        sql.replicaReads()
                .query(
                        DSL.select(columns)
                                .from(LLM_METRICS)
                                .where(matching(query))
                                .groupBy(key),
                        row -> Map.entry(keyReader.read(row), UsageColumns.read(row, 2)))
                .forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        return result;
    }

    private <T> long write(List<T> rows, Function<T, Instant> time, LongSupplier work) {
        return partitions.write(rows.stream().map(time).toList(), work::getAsLong);
    }

    private Condition matching(MetricQuery query) {
        return DSL.and(
                Conditions.tenantBetween(
                        LLM_METRICS.TENANT_ID, sql.tenant(), LLM_METRICS.RECORDED_AT, query.from(), query.to()),
                Conditions.eqIfSet(LLM_METRICS.MODEL, query.model()),
                Conditions.eqIfSet(LLM_METRICS.SESSION_ID, query.sessionId()));
    }

    private static Condition afterMetric(TimeKey key) {
        return DSL.row(LLM_METRICS.RECORDED_AT, LLM_METRICS.REQUEST_ID).gt(key.at(), key.id());
    }

    private static Instant instant(OffsetDateTime time) {
        return time.toInstant();
    }
}

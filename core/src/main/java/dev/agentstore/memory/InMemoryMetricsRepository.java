package dev.agentstore.memory;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.Message;
import dev.agentstore.feedback.Feedback;
import dev.agentstore.internal.HalfOpen;
import dev.agentstore.internal.UsageCalculator;
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
import dev.agentstore.model.ModelPricing;
import dev.agentstore.model.ModelRepository;
import dev.agentstore.spi.TimeKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Metrics of one tenant in memory. Rows are kept in arrival order; positions index the paging cursors. */
final class InMemoryMetricsRepository implements MetricsRepository {
    private final ModelRepository models;
    private final InMemoryConversationRepository conversations;
    private final InMemoryFeedbackRepository feedback;
    private final ActivityLog activity = new ActivityLog();
    private final List<SerialSample> samples = new ArrayList<>();
    private long nextSerial;
    private final Map<MetricKey, LlmRequestMetric> llm = new LinkedHashMap<>();
    private final Map<LocalDate, DailySummary> summaries = new HashMap<>();
    private final SeriesLog series = new SeriesLog();

    /**
     * @param conversations and {@code feedback}: the tenant's, which the activity rollup reads
     * @param removals where it learns whose sessions and conversations an erased user had
     */
    InMemoryMetricsRepository(
            ModelRepository models,
            InMemoryConversationRepository conversations,
            InMemoryFeedbackRepository feedback,
            RemovalListeners removals) {
        this.models = models;
        this.conversations = conversations;
        this.feedback = feedback;
        removals.onUserDataErased(this::forgetLlm);
        removals.add(activity::forgetUser, conversation -> {});
    }

    /** Forgets the LLM metrics of erased sessions and conversations, as PostgreSQL's erase does. */
    private synchronized void forgetLlm(Set<UUID> sessions, Set<UUID> conversations) {
        llm.values()
                .removeIf(m -> (m.sessionId() != null && sessions.contains(m.sessionId()))
                        || (m.conversationId() != null && conversations.contains(m.conversationId())));
    }

    @Override
    public synchronized void recordSystem(SystemSample sample) {
        samples.add(new SerialSample(nextSerial++, sample));
    }

    @Override
    public synchronized void recordSystemBatch(List<SystemSample> batch) {
        batch.forEach(sample -> samples.add(new SerialSample(nextSerial++, sample)));
    }

    @Override
    public synchronized boolean recordLlm(LlmRequestMetric metric) {
        return llm.putIfAbsent(MetricKey.of(metric), metric) == null;
    }

    @Override
    public synchronized long recordLlmBatch(List<LlmRequestMetric> batch) {
        return batch.stream()
                .filter(m -> llm.putIfAbsent(MetricKey.of(m), m) == null)
                .count();
    }

    @Override
    public void recordPoint(SeriesPoint point) {
        series.record(List.of(point));
    }

    @Override
    public void recordPoints(List<SeriesPoint> batch) {
        series.record(batch);
    }

    @Override
    public Page<SeriesPoint> seriesPoints(SeriesQuery query, PageRequest page) {
        return series.page(query, page);
    }

    @Override
    public List<SeriesBucket> seriesOverTime(SeriesQuery query, TimeBucket bucket, List<String> groupBy) {
        return series.overTime(query, bucket, groupBy);
    }

    @Override
    public synchronized Page<SystemSample> systemSamples(Instant from, Instant to, PageRequest page) {
        Page<SerialSample> rows =
                TimeKeyPages.slice(samples.stream().filter(s -> s.within(from, to)), SerialSample::key, page);
        return new Page<>(rows.items().stream().map(SerialSample::sample).toList(), rows.nextCursor());
    }

    @Override
    public synchronized Page<LlmRequestMetric> llmMetrics(MetricQuery query, PageRequest page) {
        return TimeKeyPages.slice(matching(query).stream(), m -> TimeKey.ofId(m.recordedAt(), m.requestId()), page);
    }

    @Override
    public synchronized SortedMap<String, UsageStats> usageByModel(MetricQuery query) {
        return matching(query).stream()
                .collect(Collectors.groupingBy(
                        LlmRequestMetric::model,
                        TreeMap::new,
                        Collectors.collectingAndThen(Collectors.toList(), UsageCalculator::of)));
    }

    @Override
    public synchronized SortedMap<Instant, UsageStats> usageOverTime(MetricQuery query, TimeBucket bucket) {
        return matching(query).stream()
                .collect(Collectors.groupingBy(
                        m -> bucket.floor(m.recordedAt()),
                        TreeMap::new,
                        Collectors.collectingAndThen(Collectors.toList(), UsageCalculator::of)));
    }

    @Override
    public synchronized DailySummary rollupDay(LocalDate day) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<LlmRequestMetric> rows = matching(MetricQuery.between(from, to));
        List<SystemSample> daySamples = samples.stream()
                .filter(s -> s.within(from, to))
                .map(SerialSample::sample)
                .toList();
        Map<String, Long> perModel =
                rows.stream().collect(Collectors.groupingBy(LlmRequestMetric::model, Collectors.counting()));
        String mostUsed = perModel.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElse(null);
        DailySummary summary = new DailySummary(
                day,
                UsageCalculator.of(rows),
                mostUsed,
                peak(daySamples, SystemSample::cpuPercent),
                peak(daySamples, SystemSample::memoryPercent),
                peak(daySamples.stream().filter(s -> s.gpuPercent() != null).toList(), SystemSample::gpuPercent),
                costByCurrency(rows));
        summaries.put(day, summary);
        return summary;
    }

    @Override
    public synchronized Optional<DailySummary> dailySummary(LocalDate day) {
        return Optional.ofNullable(summaries.get(day));
    }

    @Override
    public synchronized List<DailySummary> dailySummaries(LocalDate from, LocalDate to) {
        return summaries.values().stream()
                .filter(s -> !s.day().isBefore(from) && !s.day().isAfter(to))
                .sorted(Comparator.comparing(DailySummary::day))
                .toList();
    }

    /**
     * Not synchronized as a whole: the conversations and feedback are read first, under their own locks, so this
     * lock is never held while taking theirs (their erasure calls into this repository under theirs).
     */
    @Override
    public List<DailyActivity> rollupActivity(LocalDate day) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<Conversation, List<Message>> active = conversations.activeSince(from);
        List<Feedback> given = feedback.updatedIn(from, to);
        Map<UUID, Conversation> byId = new HashMap<>();
        List<LlmRequestMetric> requests;
        synchronized (this) {
            requests = matching(MetricQuery.between(from, to));
        }
        for (LlmRequestMetric m : requests) {
            if (m.conversationId() != null) {
                byId.computeIfAbsent(m.conversationId(), conversations::stored);
            }
        }
        for (Feedback f : given) {
            byId.computeIfAbsent(f.conversationId(), conversations::stored);
        }
        Map<String, Optional<ModelPricing>> pricing = new HashMap<>();
        ActivityRollup rollup = new ActivityRollup(
                day,
                active,
                requests,
                given,
                byId::get,
                name -> pricing.computeIfAbsent(
                        name,
                        n -> models.findByName(n).map(model -> model.spec().pricing())));
        List<DailyActivity> rows = new ArrayList<>(rollup.rows(ActivityDimension.AGENT));
        rows.addAll(rollup.rows(ActivityDimension.USER));
        rows.sort(DailyActivity.ORDER);
        activity.replace(day, rows);
        return List.copyOf(rows);
    }

    @Override
    public List<DailyActivity> activity(ActivityDimension dimension, LocalDate from, LocalDate to) {
        return activity.read(r -> r.dimension() == dimension, from, to);
    }

    @Override
    public List<DailyActivity> activityOf(ActivityDimension dimension, UUID subjectId, LocalDate from, LocalDate to) {
        return activity.read(r -> r.dimension() == dimension && subjectId.equals(r.subjectId()), from, to);
    }

    /** Drops the raw rows of every UTC month that ended at or before {@code cutoff}; returns those months. */
    synchronized SortedSet<YearMonth> dropMonthsBefore(Instant cutoff) {
        SortedSet<YearMonth> months = new TreeSet<>(new MonthlyDrop(cutoff)
                .from(samples, s -> s.sample().recordedAt())
                .from(llm.values(), LlmRequestMetric::recordedAt)
                .months());
        months.addAll(series.dropMonthsBefore(cutoff));
        return months;
    }

    private List<LlmRequestMetric> matching(MetricQuery query) {
        return llm.values().stream().filter(query::matches).toList();
    }

    /** The cost of the requests to priced models, per currency of their pricing. */
    private SortedMap<String, BigDecimal> costByCurrency(List<LlmRequestMetric> rows) {
        Map<String, Optional<ModelPricing>> pricing = new HashMap<>();
        SortedMap<String, BigDecimal> totals = new TreeMap<>();
        for (LlmRequestMetric m : rows) {
            Optional<ModelPricing> price = pricing.computeIfAbsent(
                    m.model(),
                    name -> models.findByName(name).map(model -> model.spec().pricing()));
            price.ifPresent(
                    p -> totals.merge(p.currency(), p.cost(m.promptTokens(), m.completionTokens()), BigDecimal::add));
        }
        return totals;
    }

    private static Double peak(List<SystemSample> rows, ToDoubleFunction<SystemSample> value) {
        OptionalDouble max = rows.stream().mapToDouble(value).max();
        return max.isPresent() ? max.getAsDouble() : null;
    }

    /** What makes an LLM metric unique: its request id and time, as the partitioned table's key in SQL. */
    private record MetricKey(UUID requestId, Instant recordedAt) {
        static MetricKey of(LlmRequestMetric metric) {
            return new MetricKey(metric.requestId(), metric.recordedAt());
        }
    }

    /** A sample with the serial that orders samples of the same instant, as a bigserial column does in SQL. */
    private record SerialSample(long serial, SystemSample sample) {
        boolean within(Instant from, Instant to) {
            return HalfOpen.contains(from, to, sample.recordedAt());
        }

        TimeKey key() {
            return TimeKey.ofSerial(sample.recordedAt(), serial);
        }
    }
}

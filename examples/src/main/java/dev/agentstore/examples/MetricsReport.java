package dev.agentstore.examples;

import dev.agentstore.AgentStore;
import dev.agentstore.PageRequest;
import dev.agentstore.StoreConfig;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
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
import dev.agentstore.model.ModelFormat;
import dev.agentstore.model.ModelPricing;
import dev.agentstore.model.ModelRepository;
import dev.agentstore.model.ModelSpec;
import java.io.PrintStream;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A day of an assistant's traffic, made up: a system sample every minute and LLM requests that follow office
 * hours, over two priced models. It is ingested in batches, rolled up into the day's summary (kept after
 * retention drops the raw rows), and printed with a text chart of requests and p95 latency per hour. The day is
 * generated from a fixed seed and requests are identified by id and time, so running it again adds nothing twice.
 * Run it with the command in the README; it uses the in-memory backend unless {@code AGENTSTORE_POSTGRES_URL}
 * points at a database.
 */
public final class MetricsReport {
    private static final List<String> MODELS = List.of("llama-3.1-8b-instruct", "qwen2.5-32b-instruct");
    private static final int BAR_WIDTH = 40;

    private final AgentStore store;
    private final PrintStream out;

    private MetricsReport(AgentStore store, PrintStream out) {
        this.store = store;
        this.out = out;
    }

    /** Opens the store from the environment and reports on yesterday (UTC). */
    public static void main(String[] args) {
        try (AgentStore store = AgentStore.open(StoreConfig.fromEnvironment())) {
            run(store, System.out, LocalDate.now(ZoneOffset.UTC).minusDays(1));
        }
    }

    /** Ingests the synthetic {@code day} into an open store and prints its report. */
    public static void run(AgentStore store, PrintStream out, LocalDate day) {
        new MetricsReport(store, out).report(day);
    }

    private void report(LocalDate day) {
        registerModels();
        MetricsRepository metrics = store.metrics();
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Random random = new Random(day.toEpochDay());
        metrics.recordSystemBatch(samples(start, random));
        long added = metrics.recordLlmBatch(requests(start, random));
        DailySummary summary = metrics.rollupDay(day);
        UsageStats usage = summary.usage();
        out.printf(
                "%s: %,d requests recorded (%,d new), %,d tokens%n", day, usage.requests(), added, usage.totalTokens());
        out.printf(
                Locale.ROOT,
                "latency p50 %.0f ms, p95 %.0f ms, p99 %.0f ms; errors %.1f%%; cache hits %.1f%%%n",
                usage.p50LatencyMillis(),
                usage.p95LatencyMillis(),
                usage.p99LatencyMillis(),
                usage.errorRate() * 100,
                usage.cacheHitRate() * 100);
        out.printf(
                Locale.ROOT,
                "most used model %s; peak CPU %.0f%%, peak memory %.0f%%; cost %s%n",
                summary.mostUsedModel(),
                summary.peakCpuPercent(),
                summary.peakMemoryPercent(),
                summary.costByCurrency().entrySet().stream()
                        .map(cost -> cost.getValue().setScale(2, RoundingMode.HALF_UP) + " " + cost.getKey())
                        .collect(Collectors.joining(", ")));
        MetricQuery wholeDay = MetricQuery.between(start, start.plusSeconds(86_400));
        chart(metrics.usageOverTime(wholeDay, TimeBucket.HOUR));
        metrics.usageByModel(wholeDay)
                .forEach((model, stats) -> out.printf(
                        Locale.ROOT,
                        "  %-22s %,6d requests  p95 %5.0f ms  %6.1f tokens/s%n",
                        model,
                        stats.requests(),
                        stats.p95LatencyMillis(),
                        stats.avgTokensPerSecond()));
        retrievalLatency(metrics, start, random);
        agentActivity();
    }

    /**
     * A labelled series: retrieval latency per vector index, recorded every minute for two indexes, and its
     * hourly p95 per index over the busiest hours.
     */
    private void retrievalLatency(MetricsRepository metrics, Instant start, Random random) {
        List<SeriesPoint> points = new ArrayList<>();
        for (int minute = 0; minute < 24 * 60; minute++) {
            double load = traffic(minute / 60);
            Instant at = start.plusSeconds(minute * 60L);
            points.add(SeriesPoint.of(
                    "retrieval.latency_ms", at, 4 + 20 * load * random.nextDouble(), Map.of("index", "handbook")));
            points.add(SeriesPoint.of(
                    "retrieval.latency_ms", at, 9 + 45 * load * random.nextDouble(), Map.of("index", "tickets")));
        }
        if (metrics.seriesPoints(
                        SeriesQuery.of("retrieval.latency_ms", start, start.plusSeconds(86_400)), PageRequest.first(1))
                .items()
                .isEmpty()) {
            metrics.recordPoints(points); // points are not deduplicated: record the day once
        }
        SeriesQuery busy =
                SeriesQuery.of("retrieval.latency_ms", start.plusSeconds(9 * 3_600), start.plusSeconds(12 * 3_600));
        out.println("retrieval latency by index, 09:00-12:00:");
        for (SeriesBucket bucket : metrics.seriesOverTime(busy, TimeBucket.HOUR, List.of("index"))) {
            out.printf(
                    Locale.ROOT,
                    "  %s %-8s %3d points  p50 %5.1f ms  p95 %5.1f ms%n",
                    bucket.start().toString().substring(11, 16),
                    bucket.group().get("index"),
                    bucket.stats().count(),
                    bucket.stats().p50(),
                    bucket.stats().p95());
        }
    }

    /**
     * Per-agent activity: two agents answer a few users today (conversations are keyed, so a re-run adds nothing),
     * then today's activity is rolled up per agent.
     */
    private void agentActivity() {
        ConversationRepository chats = store.conversations();
        UUID owner = chats.upsertUser(NewUser.of("console", "report-owner")).id();
        Map<String, UUID> agents = new LinkedHashMap<>();
        for (String name : List.of("support-bot", "sales-bot")) {
            agents.put(
                    name,
                    store.agents()
                            .findByName(owner, name)
                            .orElseGet(() -> store.agents()
                                    .define(AgentSpec.builder(owner, name, MODELS.get(0))
                                            .build()))
                            .id());
        }
        for (int i = 0; i < 5; i++) {
            UUID user = chats.upsertUser(NewUser.of("web", "visitor-" + i)).id();
            String agent = i < 3 ? "support-bot" : "sales-bot";
            String key = "report-" + agent + "-" + i;
            Conversation chat = chats.findConversationByKey(key)
                    .orElseGet(() -> chats.createConversation(NewConversation.forUser(user)
                            .underAgent(agents.get(agent))
                            .withKey(key)));
            chats.appendAll(
                    chat.id(),
                    List.of(NewMessage.user("question " + i, 12), NewMessage.assistant("answer " + i, 40)),
                    key);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        out.println("today per agent:");
        for (DailyActivity row : store.metrics().rollupActivity(today)) {
            if (row.dimension() == ActivityDimension.AGENT && row.subjectId() != null) {
                String name = store.agents()
                        .find(row.subjectId())
                        .map(a -> a.spec().name())
                        .orElse("?");
                out.printf(
                        "  %-12s %d conversations, %d messages, %d tokens, %d active users%n",
                        name, row.activeConversations(), row.messages(), row.messageTokens(), row.activeUsers());
            }
        }
    }

    /** Registers the day's models with their prices, unless an earlier run did. */
    private void registerModels() {
        ModelRepository models = store.models();
        Map<String, ModelPricing> prices = Map.of(
                MODELS.get(0), ModelPricing.usd("0.0002", "0.0006"),
                MODELS.get(1), ModelPricing.usd("0.0008", "0.0024"));
        for (String name : MODELS) {
            if (models.findByName(name).isEmpty()) {
                models.register(ModelSpec.builder(name, ModelFormat.GGUF)
                        .pricing(prices.get(name))
                        .build());
            }
        }
    }

    /** One sample a minute; CPU follows the traffic. */
    private static List<SystemSample> samples(Instant start, Random random) {
        List<SystemSample> samples = new ArrayList<>();
        for (int minute = 0; minute < 24 * 60; minute++) {
            double load = traffic(minute / 60);
            samples.add(SystemSample.of(
                    start.plusSeconds(minute * 60L),
                    "gpu-node-1",
                    Math.min(100, 8 + 70 * load + 10 * random.nextDouble()),
                    Math.min(100, 40 + 30 * load + 5 * random.nextDouble())));
        }
        return samples;
    }

    /** Requests at office-hours rates; latency grows with load and the larger model; a few fail. */
    private static List<LlmRequestMetric> requests(Instant start, Random random) {
        List<LlmRequestMetric> requests = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            int count = (int) (20 + 280 * traffic(hour));
            for (int i = 0; i < count; i++) {
                Instant at = start.plusSeconds(hour * 3_600L + random.nextInt(3_600));
                String model = MODELS.get(random.nextInt(10) < 7 ? 0 : 1);
                int prompt = 200 + random.nextInt(1_800);
                int completion = 50 + random.nextInt(450);
                double perToken = model.equals(MODELS.get(0)) ? 12 : 30;
                long latency = (long)
                        ((250 + completion * perToken) * (1 + traffic(hour) / 2) * (0.8 + 0.4 * random.nextDouble()));
                LlmRequestMetric metric = LlmRequestMetric.success(
                        new UUID(random.nextLong(), random.nextLong()), at, model, prompt, completion, latency);
                int roll = random.nextInt(100);
                requests.add(roll < 2 ? metric.failed("timeout") : metric.withCacheHit(roll < 12));
            }
        }
        return requests;
    }

    /** Share of the peak traffic in each UTC hour: quiet at night, busy 9-17, a lunch dip. */
    private static double traffic(int hour) {
        if (hour < 7 || hour > 20) {
            return 0.05;
        }
        if (hour == 12) {
            return 0.6;
        }
        return hour >= 9 && hour <= 17 ? 1.0 : 0.4;
    }

    private void chart(SortedMap<Instant, UsageStats> perHour) {
        long most =
                perHour.values().stream().mapToLong(UsageStats::requests).max().orElse(1);
        out.println("hour  requests                                           p95 ms");
        perHour.forEach((hour, stats) -> out.printf(
                Locale.ROOT,
                "%02d    %-" + BAR_WIDTH + "s %5d  %6.0f%n",
                hour.atZone(ZoneOffset.UTC).getHour(),
                "#".repeat((int) Math.round(BAR_WIDTH * (double) stats.requests() / most)),
                stats.requests(),
                stats.p95LatencyMillis()));
    }
}

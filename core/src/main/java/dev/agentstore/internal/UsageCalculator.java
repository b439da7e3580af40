package dev.agentstore.internal;

import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.UsageStats;
import java.util.Collection;

/** Aggregates LLM metrics the way PostgreSQL does ({@code percentile_cont} interpolation). */
public final class UsageCalculator {
    private UsageCalculator() {}

    public static UsageStats of(Collection<LlmRequestMetric> metrics) {
        long n = metrics.size();
        if (n == 0) {
            return new UsageStats(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        double[] latencies = metrics.stream()
                .mapToDouble(LlmRequestMetric::latencyMillis)
                .sorted()
                .toArray();
        return new UsageStats(
                n,
                metrics.stream().mapToLong(LlmRequestMetric::promptTokens).sum(),
                metrics.stream().mapToLong(LlmRequestMetric::completionTokens).sum(),
                metrics.stream()
                        .mapToDouble(LlmRequestMetric::tokensPerSecond)
                        .average()
                        .orElse(0),
                percentile(latencies, 0.50),
                percentile(latencies, 0.95),
                percentile(latencies, 0.99),
                metrics.stream().filter(LlmRequestMetric::cacheHit).count() / (double) n,
                metrics.stream().filter(m -> !m.success()).count() / (double) n);
    }

    /** Continuous percentile of sorted values: linear interpolation between the closest ranks. */
    public static double percentile(double[] sorted, double fraction) {
        double rank = fraction * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}

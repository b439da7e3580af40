package dev.agentstore.metrics;

/**
 * Aggregates over a set of LLM requests. Percentiles are continuous (interpolated, like PostgreSQL's
 * {@code percentile_cont}).
 *
 * @param requests how many requests
 * @param promptTokens total prompt tokens
 * @param completionTokens total completion tokens
 * @param avgTokensPerSecond mean of each request's completion tokens per second
 * @param p50LatencyMillis median latency
 * @param p95LatencyMillis 95th percentile latency
 * @param p99LatencyMillis 99th percentile latency
 * @param cacheHitRate share of requests served from the cache, 0 to 1
 * @param errorRate share of failed requests, 0 to 1
 */
public record UsageStats(
        long requests,
        long promptTokens,
        long completionTokens,
        double avgTokensPerSecond,
        double p50LatencyMillis,
        double p95LatencyMillis,
        double p99LatencyMillis,
        double cacheHitRate,
        double errorRate) {
    /** Prompt plus completion tokens. */
    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}

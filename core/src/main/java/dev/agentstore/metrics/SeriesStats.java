package dev.agentstore.metrics;

/**
 * Aggregates over the values of a set of series points. Percentiles are continuous (interpolated, like
 * PostgreSQL's {@code percentile_cont}).
 *
 * @param count how many points
 * @param sum the sum of their values
 * @param min the smallest value
 * @param max the largest value
 * @param mean the arithmetic mean
 * @param p50 the median
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 */
public record SeriesStats(
        long count, double sum, double min, double max, double mean, double p50, double p95, double p99) {}

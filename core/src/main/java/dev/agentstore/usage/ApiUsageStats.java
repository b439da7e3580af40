package dev.agentstore.usage;

/**
 * Aggregates over a set of API calls.
 *
 * @param requests how many calls
 * @param tokens their tokens
 * @param failures how many answered 400 or above
 * @param avgResponseTimeMillis mean response time, 0 without calls
 * @param maxResponseTimeMillis slowest response time, 0 without calls
 */
public record ApiUsageStats(
        long requests, long tokens, long failures, double avgResponseTimeMillis, long maxResponseTimeMillis) {}

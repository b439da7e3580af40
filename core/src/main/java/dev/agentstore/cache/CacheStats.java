package dev.agentstore.cache;

/**
 * Counts over the live (unexpired) entries.
 *
 * @param entries how many entries
 * @param totalHits the sum of their hit counts
 */
public record CacheStats(long entries, long totalHits) {}

package dev.agentstore.vector;

/**
 * One search result.
 *
 * @param chunk the matching chunk
 * @param score higher is better (vector score, or fused reciprocal-rank score for hybrid search)
 */
public record SearchMatch(Chunk chunk, double score) {}

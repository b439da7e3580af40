package dev.agentstore.vector;

import java.time.Instant;

/**
 * How often searches returned a document's chunks, or one chunk (seed 002's {@code training_source_stats}): each
 * match of {@link VectorRepository#search} or {@link VectorRepository#hybridSearch} counts once for its chunk and
 * its document.
 *
 * @param documentId the document, or null for a chunk stored without one
 * @param chunkId the chunk, or null when this counts the whole document
 * @param retrievals how many times
 * @param lastRetrievedAt when last
 */
public record RetrievalStats(String documentId, String chunkId, long retrievals, Instant lastRetrievedAt) {}

/**
 * Vector search: named collections of chunks with embeddings, top-k search with a minimum score and typed
 * metadata filters, and hybrid (vector plus full-text) search fused by reciprocal rank.
 *
 * <p>Scores are "higher is better" on every backend: cosine similarity for {@link DistanceMetric#COSINE},
 * the dot product for {@link DistanceMetric#INNER_PRODUCT}, and {@code 1 / (1 + distance)} for
 * {@link DistanceMetric#L2}. Null rule: arguments are non-null unless a component says "or null";
 * collections come back empty, never null.
 */
package dev.agentstore.vector;

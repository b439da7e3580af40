package dev.agentstore.vector;

import dev.agentstore.internal.Check;

/**
 * A hybrid search: the vector ranking and a full-text ranking of {@link #text()}, fused by reciprocal rank
 * ({@code score = sum over rankings of 1 / (rankConstant + rank)}, ranks from 1).
 *
 * @param search the vector part (its top-k, minimum score and filter; the filter applies to both rankings;
 *     the minimum score applies to the vector ranking only)
 * @param text the full-text query; every word must occur in a chunk for it to rank
 * @param rankConstant the reciprocal-rank constant k, 1 to 1,000 (60 is customary)
 * @param candidates how many results each ranking contributes before fusion, at least topK, up to 1,000
 */
public record HybridSearchRequest(SearchRequest search, String text, int rankConstant, int candidates) {
    /** Checks the components. */
    public HybridSearchRequest {
        Check.present("hybrid.search", search);
        Check.name("hybrid.text", text);
        Check.range("hybrid.rankConstant", rankConstant, 1, 1_000);
        Check.range("hybrid.candidates", candidates, search.topK(), 1_000);
    }

    /** A hybrid search with k = 60 and 4 x topK candidates per ranking. */
    public static HybridSearchRequest of(SearchRequest search, String text) {
        return new HybridSearchRequest(search, text, 60, Math.min(1_000, search.topK() * 4));
    }
}

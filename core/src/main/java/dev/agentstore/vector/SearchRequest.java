package dev.agentstore.vector;

import dev.agentstore.internal.Check;
import java.util.Arrays;
import java.util.Objects;

/**
 * A top-k vector search.
 *
 * @param vector the query embedding; its dimension must match the collection
 * @param topK how many matches at most, 1 to 1,000
 * @param minScore only matches scoring at least this (see the package doc for the score per metric); use
 *     {@link Double#NEGATIVE_INFINITY} for no minimum
 * @param filter a metadata filter, or null for none
 * @param tuning the approximate index's knobs for this query
 * @param includeEmbeddings whether each match's chunk carries its embedding; off by default, since most callers
 *     read only the text, metadata and score, and moving hundreds of floats per match costs the backend and the
 *     caller (see {@link Chunk#hasEmbedding()})
 */
public record SearchRequest(
        float[] vector, int topK, double minScore, Filter filter, SearchTuning tuning, boolean includeEmbeddings) {
    /** Checks the components and copies the vector. */
    public SearchRequest {
        Check.present("search.vector", vector);
        vector = Check.vector("search.vector", vector.clone(), vector.length);
        Check.range("search.topK", topK, 1, 1_000);
        if (Double.isNaN(minScore) || minScore == Double.POSITIVE_INFINITY) {
            Check.finite("search.minScore", minScore);
        }
        Check.present("search.tuning", tuning);
    }

    /** A search returning matches without their embeddings. */
    public SearchRequest(float[] vector, int topK, double minScore, Filter filter, SearchTuning tuning) {
        this(vector, topK, minScore, filter, tuning, false);
    }

    /** A search with the backend's default tuning, returning matches without their embeddings. */
    public SearchRequest(float[] vector, int topK, double minScore, Filter filter) {
        this(vector, topK, minScore, filter, SearchTuning.defaults());
    }

    /** The {@code topK} nearest chunks, unfiltered. */
    public static SearchRequest of(float[] vector, int topK) {
        return new SearchRequest(vector, topK, Double.NEGATIVE_INFINITY, null);
    }

    /** This search keeping only matches scoring at least {@code score}. */
    public SearchRequest withMinScore(double score) {
        return new SearchRequest(vector, topK, score, filter, tuning, includeEmbeddings);
    }

    /** This search restricted by a metadata filter. */
    public SearchRequest withFilter(Filter value) {
        return new SearchRequest(vector, topK, minScore, value, tuning, includeEmbeddings);
    }

    /** This search with other index knobs. */
    public SearchRequest withTuning(SearchTuning value) {
        return new SearchRequest(vector, topK, minScore, filter, value, includeEmbeddings);
    }

    /** This search asking for another number of matches. */
    public SearchRequest withTopK(int value) {
        return new SearchRequest(vector, value, minScore, filter, tuning, includeEmbeddings);
    }

    /** This search returning each match's embedding too. */
    public SearchRequest withEmbeddings() {
        return new SearchRequest(vector, topK, minScore, filter, tuning, true);
    }

    /** A copy of the query vector. */
    @Override
    public float[] vector() {
        return vector.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SearchRequest that
                && Arrays.equals(vector, that.vector)
                && topK == that.topK
                && Double.compare(minScore, that.minScore) == 0
                && Objects.equals(filter, that.filter)
                && tuning.equals(that.tuning)
                && includeEmbeddings == that.includeEmbeddings;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(vector), topK, minScore, filter, tuning, includeEmbeddings);
    }

    @Override
    public String toString() {
        return "SearchRequest[dimension=" + vector.length + ", topK=" + topK + ", minScore=" + minScore + ", filter="
                + filter + ", tuning=" + tuning + ", includeEmbeddings=" + includeEmbeddings + "]";
    }
}

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
 */
public record SearchRequest(float[] vector, int topK, double minScore, Filter filter, SearchTuning tuning) {
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

    /** A search with the backend's default tuning. */
    public SearchRequest(float[] vector, int topK, double minScore, Filter filter) {
        this(vector, topK, minScore, filter, SearchTuning.defaults());
    }

    /** The {@code topK} nearest chunks, unfiltered. */
    public static SearchRequest of(float[] vector, int topK) {
        return new SearchRequest(vector, topK, Double.NEGATIVE_INFINITY, null);
    }

    /** This search keeping only matches scoring at least {@code score}. */
    public SearchRequest withMinScore(double score) {
        return new SearchRequest(vector, topK, score, filter, tuning);
    }

    /** This search restricted by a metadata filter. */
    public SearchRequest withFilter(Filter value) {
        return new SearchRequest(vector, topK, minScore, value, tuning);
    }

    /** This search with other index knobs. */
    public SearchRequest withTuning(SearchTuning value) {
        return new SearchRequest(vector, topK, minScore, filter, value);
    }

    /** This search asking for another number of matches. */
    public SearchRequest withTopK(int value) {
        return new SearchRequest(vector, value, minScore, filter, tuning);
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
                && tuning.equals(that.tuning);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(vector), topK, minScore, filter, tuning);
    }

    @Override
    public String toString() {
        return "SearchRequest[dimension=" + vector.length + ", topK=" + topK + ", minScore=" + minScore + ", filter="
                + filter + ", tuning=" + tuning + "]";
    }
}

package dev.agentstore.vector;

import dev.agentstore.internal.Check;

/**
 * Per-query knobs of an approximate index: more candidates mean better recall and slower queries. Exact
 * backends ignore them. Whatever the tuning, a search returns {@code topK} matches whenever that many chunks
 * pass its filter and minimum score (backends widen or fall back to an exact scan to keep that promise).
 *
 * @param efSearch HNSW candidate list size, 1 to 1,000, or 0 for the backend's default (40 in pgvector); it is
 *     raised to {@code topK} when smaller, since HNSW returns at most that many rows
 * @param probes IVFFlat lists to probe, 1 to 32,768, or 0 for the backend's default (pgvector's is 1; agentstore
 *     uses the square root of the list count)
 */
public record SearchTuning(int efSearch, int probes) {
    private static final SearchTuning DEFAULTS = new SearchTuning(0, 0);

    /** Checks the ranges. */
    public SearchTuning {
        if (efSearch != 0) {
            Check.range("tuning.efSearch", efSearch, 1, 1_000);
        }
        if (probes != 0) {
            Check.range("tuning.probes", probes, 1, 32_768);
        }
    }

    /** The backend's defaults. */
    public static SearchTuning defaults() {
        return DEFAULTS;
    }

    /** HNSW with this candidate list size. */
    public static SearchTuning efSearch(int value) {
        return new SearchTuning(value, 0);
    }

    /** IVFFlat probing this many lists. */
    public static SearchTuning probes(int value) {
        return new SearchTuning(0, value);
    }
}

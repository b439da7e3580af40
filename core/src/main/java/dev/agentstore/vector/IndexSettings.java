package dev.agentstore.vector;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;

/**
 * How a collection is indexed.
 *
 * @param type the index kind
 * @param m HNSW links per node (2 to 100), 0 otherwise
 * @param efConstruction HNSW build-time candidate list (at least 2*m, up to 1000), 0 otherwise
 * @param lists IVFFlat list count (1 to 32768), 0 otherwise
 */
public record IndexSettings(IndexType type, int m, int efConstruction, int lists) {
    /** Checks the parameters against the index type. */
    public IndexSettings {
        Check.present("index.type", type);
        switch (type) {
            case HNSW -> {
                Check.range("index.m", m, 2, 100);
                Check.range("index.efConstruction", efConstruction, 2 * m, 1_000);
                zero("index.lists", lists);
            }
            case IVFFLAT -> {
                Check.range("index.lists", lists, 1, 32_768);
                zero("index.m", m);
                zero("index.efConstruction", efConstruction);
            }
            case NONE -> {
                zero("index.m", m);
                zero("index.efConstruction", efConstruction);
                zero("index.lists", lists);
            }
        }
    }

    /** HNSW with pgvector's defaults (m 16, ef_construction 64). */
    public static IndexSettings hnsw() {
        return hnsw(16, 64);
    }

    /** HNSW with the given parameters. */
    public static IndexSettings hnsw(int m, int efConstruction) {
        return new IndexSettings(IndexType.HNSW, m, efConstruction, 0);
    }

    /** IVFFlat with {@code lists} lists. */
    public static IndexSettings ivfflat(int lists) {
        return new IndexSettings(IndexType.IVFFLAT, 0, 0, lists);
    }

    /** No index: exact search. */
    public static IndexSettings none() {
        return new IndexSettings(IndexType.NONE, 0, 0, 0);
    }

    private static void zero(String field, int value) {
        if (value != 0) {
            throw new InvalidInputException(field, "does not apply to this index type and must be 0, but was " + value);
        }
    }
}

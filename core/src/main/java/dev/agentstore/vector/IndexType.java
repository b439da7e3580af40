package dev.agentstore.vector;

/** The approximate index a collection uses. */
public enum IndexType {
    /** Hierarchical navigable small world graph: best recall/speed, slower to build. */
    HNSW,
    /** Inverted lists: fast to build, needs data before building. */
    IVFFLAT,
    /** No index: exact search by scanning. */
    NONE
}

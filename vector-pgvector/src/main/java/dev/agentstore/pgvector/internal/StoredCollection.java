package dev.agentstore.pgvector.internal;

import dev.agentstore.vector.CollectionSpec;
import java.util.UUID;

/**
 * A stored collection: its spec and the id its chunks, partition and index are keyed by. The partition and index
 * names derive from the id alone (hex digits), never from the user's collection name.
 *
 * @param id the collection's id
 * @param spec what the user asked for
 */
record StoredCollection(UUID id, CollectionSpec spec) {

    /** The chunks partition of this collection: {@code vector_chunks_<32 hex digits>}. */
    String partition() {
        return "vector_chunks_" + hex();
    }

    /** The approximate index on the partition: {@code vector_chunks_<32 hex digits>_ann}. */
    String index() {
        return partition() + "_ann";
    }

    private String hex() {
        return id.toString().replace("-", "");
    }
}

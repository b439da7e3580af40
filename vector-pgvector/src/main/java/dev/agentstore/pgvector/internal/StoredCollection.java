package dev.agentstore.pgvector.internal;

import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_CHUNKS;

import dev.agentstore.vector.CollectionSpec;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * A stored collection: its spec and the id its chunks, partition and index are keyed by. The partition and index
 * names derive from the id alone (hex digits), never from the user's collection name.
 *
 * @param id the collection's id
 * @param spec what the user asked for
 */
record StoredCollection(UUID id, CollectionSpec spec) {

    /**
     * The tenant's chunks of this collection. The id is inlined so PostgreSQL prunes to the collection's
     * partition when it plans the statement, prepared or not.
     */
    Condition chunksOf(String tenant) {
        return VECTOR_CHUNKS.TENANT_ID.eq(tenant).and(VECTOR_CHUNKS.COLLECTION_ID.eq(DSL.inline(id)));
    }

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

package dev.agentstore.pgvector.internal;

import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_CHUNKS;

import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.vector.IndexType;
import org.jooq.impl.DSL;

/**
 * Decides when a write is a bulk load: a batch of at least {@code pgvector.bulk-load-rows} chunks (default 10,000;
 * 0 never) into an indexed collection that holds fewer rows than the batch brings. Such a batch is loaded with
 * the collection's index dropped and built once afterwards, in the same transaction: building an HNSW graph over
 * all rows is several times faster than inserting them into it one by one, and an IVFFlat index only gets useful
 * lists when it is built over the data. The price is that the collection is locked for its readers until the
 * load commits, which is why the rule applies only while the collection is small next to the batch.
 */
final class BulkLoadPolicy {
    private final int minRows;

    BulkLoadPolicy(int minRows) {
        this.minRows = minRows;
    }

    /** Whether writing {@code rows} chunks into {@code collection} should rebuild its index instead. */
    boolean appliesTo(TenantSql sql, StoredCollection collection, int rows) {
        if (minRows == 0 || rows < minRows || collection.spec().index().type() == IndexType.NONE) {
            return false;
        }
        return existingRows(sql, collection, rows) < rows;
    }

    /** The collection's rows, counted up to {@code limit} at most, so a large collection costs no full scan. */
    private static long existingRows(TenantSql sql, StoredCollection collection, int limit) {
        var upToLimit = DSL.selectOne()
                .from(VECTOR_CHUNKS)
                .where(collection.chunksOf(sql.tenant()))
                .limit(DSL.inline(limit))
                .asTable("upto");
        return sql.primaryReads()
                .query(DSL.selectCount().from(upToLimit), row -> row.getLong(1))
                .getFirst();
    }
}

package dev.agentstore.pgvector.internal;

import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_RETRIEVALS;

import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.vector.RetrievalStats;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * A tenant's retrieval statistics in {@code vector_retrievals}: one row per chunk, increments added by one upsert
 * per batch (rows in chunk order, so concurrent writers lock them in the same order), document totals summed from
 * the document's rows through their index.
 */
final class RetrievalRows {
    private static final String ADD = "insert into {0} (tenant_id, collection_id, chunk_id, document_id, retrievals,"
            + " last_retrieved_at) select {1}, {2}, u.chunk_id, u.document_id, u.n, u.at"
            + " from unnest({3}::text[], {4}::text[], {5}::bigint[], {6}::timestamptz[]) as u(chunk_id, document_id, n, at)"
            + " on conflict (tenant_id, collection_id, chunk_id) do update"
            + " set retrievals = {0}.retrievals + excluded.retrievals, document_id = excluded.document_id,"
            + " last_retrieved_at = greatest({0}.last_retrieved_at, excluded.last_retrieved_at)";

    private static final Field<Long> TOTAL =
            DSL.sum(VECTOR_RETRIEVALS.RETRIEVALS).cast(Long.class);
    private static final Field<Instant> LAST = DSL.max(VECTOR_RETRIEVALS.LAST_RETRIEVED_AT);

    private final TenantSql sql;

    RetrievalRows(TenantSql sql) {
        this.sql = sql;
    }

    /** Adds the increments to the collection's rows in one statement. */
    void add(StoredCollection collection, List<RetrievalStats> increments) {
        List<RetrievalStats> ordered = increments.stream()
                .sorted(Comparator.comparing(RetrievalStats::chunkId))
                .toList();
        sql.transaction((connection, dsl) -> dsl.execute(
                ADD,
                VECTOR_RETRIEVALS,
                DSL.val(sql.tenant()),
                DSL.val(collection.id()),
                DSL.val(ordered.stream().map(RetrievalStats::chunkId).toArray(String[]::new)),
                DSL.val(ordered.stream().map(RetrievalStats::documentId).toArray(String[]::new)),
                DSL.val(ordered.stream().map(RetrievalStats::retrievals).toArray(Long[]::new)),
                DSL.val(ordered.stream()
                        .map(s -> s.lastRetrievedAt().atOffset(ZoneOffset.UTC))
                        .toArray(OffsetDateTime[]::new))));
    }

    /** The document's total, or empty if no search returned it. */
    Optional<RetrievalStats> document(StoredCollection collection, String documentId) {
        Record row = sql.replicaReads()
                .fetch(DSL.select(TOTAL, LAST)
                        .from(VECTOR_RETRIEVALS)
                        .where(of(collection), VECTOR_RETRIEVALS.DOCUMENT_ID.eq(documentId)))
                .get(0);
        Long total = row.get(TOTAL);
        return total == null
                ? Optional.empty()
                : Optional.of(new RetrievalStats(documentId, null, total, row.get(LAST)));
    }

    /** The document's chunks, most retrieved first. */
    List<RetrievalStats> chunks(StoredCollection collection, String documentId) {
        return sql.replicaReads()
                .fetch(DSL.select(
                                VECTOR_RETRIEVALS.CHUNK_ID,
                                VECTOR_RETRIEVALS.RETRIEVALS,
                                VECTOR_RETRIEVALS.LAST_RETRIEVED_AT)
                        .from(VECTOR_RETRIEVALS)
                        .where(of(collection), VECTOR_RETRIEVALS.DOCUMENT_ID.eq(documentId))
                        .orderBy(VECTOR_RETRIEVALS.RETRIEVALS.desc(), VECTOR_RETRIEVALS.CHUNK_ID))
                .map(r -> new RetrievalStats(
                        documentId,
                        r.get(VECTOR_RETRIEVALS.CHUNK_ID),
                        r.get(VECTOR_RETRIEVALS.RETRIEVALS),
                        r.get(VECTOR_RETRIEVALS.LAST_RETRIEVED_AT)));
    }

    /** The collection's documents by total, most first. */
    List<RetrievalStats> mostRetrieved(StoredCollection collection, int limit) {
        return sql.replicaReads()
                .fetch(DSL.select(VECTOR_RETRIEVALS.DOCUMENT_ID, TOTAL, LAST)
                        .from(VECTOR_RETRIEVALS)
                        .where(of(collection), VECTOR_RETRIEVALS.DOCUMENT_ID.isNotNull())
                        .groupBy(VECTOR_RETRIEVALS.DOCUMENT_ID)
                        .orderBy(TOTAL.desc(), VECTOR_RETRIEVALS.DOCUMENT_ID)
                        .limit(DSL.inline(limit)))
                .map(r -> new RetrievalStats(r.get(VECTOR_RETRIEVALS.DOCUMENT_ID), null, r.get(TOTAL), r.get(LAST)));
    }

    /** Deletes the document's rows inside the transaction deleting its chunks. */
    void forget(DSLContext dsl, StoredCollection collection, String documentId) {
        dsl.deleteFrom(VECTOR_RETRIEVALS)
                .where(of(collection), VECTOR_RETRIEVALS.DOCUMENT_ID.eq(documentId))
                .execute();
    }

    private Condition of(StoredCollection collection) {
        return DSL.and(
                VECTOR_RETRIEVALS.TENANT_ID.eq(sql.tenant()), VECTOR_RETRIEVALS.COLLECTION_ID.eq(collection.id()));
    }
}

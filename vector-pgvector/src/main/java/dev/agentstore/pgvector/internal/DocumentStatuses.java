package dev.agentstore.pgvector.internal;

import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_DOCUMENTS;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.postgres.spi.Timestamps;
import dev.agentstore.spi.Cursors;
import dev.agentstore.spi.DocumentIngestion;
import dev.agentstore.spi.Pages;
import dev.agentstore.vector.DocumentStatus;
import dev.agentstore.vector.IngestionStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The ingestion status of documents in {@code vector_documents}: each change is one statement (an upsert, or an
 * update guarded by the status it may leave), so concurrent workers never see a half-made change.
 */
final class DocumentStatuses {
    private final TenantSql sql;
    private final Clock clock;

    DocumentStatuses(TenantSql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    DocumentStatus start(StoredCollection collection, String documentId) {
        return read(sql.fetch(
                        DSL.insertInto(VECTOR_DOCUMENTS)
                                .set(key(collection, documentId))
                                .set(VECTOR_DOCUMENTS.STATUS, IngestionStatus.PROCESSING.name())
                                .set(VECTOR_DOCUMENTS.ATTEMPTS, 1)
                                .set(VECTOR_DOCUMENTS.UPDATED_AT, Timestamps.now(clock))
                                .onConflict(
                                        VECTOR_DOCUMENTS.TENANT_ID,
                                        VECTOR_DOCUMENTS.COLLECTION_ID,
                                        VECTOR_DOCUMENTS.DOCUMENT_ID)
                                .doUpdate()
                                .set(VECTOR_DOCUMENTS.STATUS, IngestionStatus.PROCESSING.name())
                                .setNull(VECTOR_DOCUMENTS.ERROR_MESSAGE)
                                .set(
                                        VECTOR_DOCUMENTS.ATTEMPTS,
                                        // as DocumentIngestion.nextAttempt: one more, capped, never overflowing
                                        DSL.least(VECTOR_DOCUMENTS.ATTEMPTS, DSL.inline(Integer.MAX_VALUE - 1))
                                                .plus(1))
                                .set(VECTOR_DOCUMENTS.UPDATED_AT, Timestamps.now(clock))
                                .returning(),
                        VECTOR_DOCUMENTS.fields())
                .get(0));
    }

    DocumentStatus fail(StoredCollection collection, String documentId, String errorMessage) {
        Optional<DocumentStatus> failed = sql
                .fetch(
                        DSL.update(VECTOR_DOCUMENTS)
                                .set(VECTOR_DOCUMENTS.STATUS, IngestionStatus.FAILED.name())
                                .set(VECTOR_DOCUMENTS.ERROR_MESSAGE, errorMessage)
                                .set(VECTOR_DOCUMENTS.UPDATED_AT, Timestamps.now(clock))
                                .where(
                                        of(collection, documentId),
                                        VECTOR_DOCUMENTS.STATUS.eq(IngestionStatus.PROCESSING.name()))
                                .returning(),
                        VECTOR_DOCUMENTS.fields())
                .stream()
                .findFirst()
                .map(DocumentStatuses::read);
        if (failed.isPresent()) {
            return failed.get();
        }
        DocumentStatus current = find(collection, documentId)
                .orElseThrow(() -> DocumentIngestion.unknown(collection.spec().name(), documentId));
        throw DocumentIngestion.notProcessing(documentId, current.status());
    }

    /** Marks the document ready inside the transaction that wrote its chunks. */
    void ready(DSLContext dsl, StoredCollection collection, String documentId) {
        dsl.insertInto(VECTOR_DOCUMENTS)
                .set(key(collection, documentId))
                .set(VECTOR_DOCUMENTS.STATUS, IngestionStatus.READY.name())
                .set(VECTOR_DOCUMENTS.ATTEMPTS, 0)
                .set(VECTOR_DOCUMENTS.UPDATED_AT, Timestamps.now(clock))
                .onConflict(VECTOR_DOCUMENTS.TENANT_ID, VECTOR_DOCUMENTS.COLLECTION_ID, VECTOR_DOCUMENTS.DOCUMENT_ID)
                .doUpdate()
                .set(VECTOR_DOCUMENTS.STATUS, IngestionStatus.READY.name())
                .setNull(VECTOR_DOCUMENTS.ERROR_MESSAGE)
                .set(VECTOR_DOCUMENTS.UPDATED_AT, Timestamps.now(clock))
                .execute();
    }

    /** Forgets the document, inside the transaction that deletes its chunks. */
    void forget(DSLContext dsl, StoredCollection collection, String documentId) {
        dsl.deleteFrom(VECTOR_DOCUMENTS).where(of(collection, documentId)).execute();
    }

    Optional<DocumentStatus> find(StoredCollection collection, String documentId) {
        return sql
                .reads()
                .fetch(DSL.selectFrom(VECTOR_DOCUMENTS).where(of(collection, documentId)), VECTOR_DOCUMENTS.fields())
                .stream()
                .findFirst()
                .map(DocumentStatuses::read);
    }

    Page<DocumentStatus> page(StoredCollection collection, IngestionStatus status, PageRequest page) {
        Condition where = inCollection(collection);
        if (status != null) {
            where = where.and(VECTOR_DOCUMENTS.STATUS.eq(status.name()));
        }
        if (page.cursor() != null) {
            where = where.and(VECTOR_DOCUMENTS.DOCUMENT_ID.gt(Cursors.decode(page.cursor())));
        }
        List<DocumentStatus> rows = sql.replicaReads()
                .fetch(
                        DSL.selectFrom(VECTOR_DOCUMENTS)
                                .where(where)
                                .orderBy(VECTOR_DOCUMENTS.DOCUMENT_ID)
                                .limit(page.limit() + 1),
                        VECTOR_DOCUMENTS.fields())
                .map(DocumentStatuses::read);
        return Pages.of(rows, page.limit(), DocumentStatus::documentId);
    }

    private Map<Field<?>, Object> key(StoredCollection collection, String documentId) {
        return Map.of(
                VECTOR_DOCUMENTS.TENANT_ID, sql.tenant(),
                VECTOR_DOCUMENTS.COLLECTION_ID, collection.id(),
                VECTOR_DOCUMENTS.DOCUMENT_ID, documentId);
    }

    private Condition inCollection(StoredCollection collection) {
        return VECTOR_DOCUMENTS.TENANT_ID.eq(sql.tenant()).and(VECTOR_DOCUMENTS.COLLECTION_ID.eq(collection.id()));
    }

    private Condition of(StoredCollection collection, String documentId) {
        return inCollection(collection).and(VECTOR_DOCUMENTS.DOCUMENT_ID.eq(documentId));
    }

    private static DocumentStatus read(Record r) {
        return new DocumentStatus(
                r.get(VECTOR_DOCUMENTS.DOCUMENT_ID),
                IngestionStatus.valueOf(r.get(VECTOR_DOCUMENTS.STATUS)),
                r.get(VECTOR_DOCUMENTS.ERROR_MESSAGE),
                r.get(VECTOR_DOCUMENTS.ATTEMPTS),
                r.get(VECTOR_DOCUMENTS.UPDATED_AT));
    }
}

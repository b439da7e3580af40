package dev.agentstore.pgvector.internal;

import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_CHUNKS;

import dev.agentstore.postgres.spi.BinaryCopy;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.vector.Chunk;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep8;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Upserts chunks inside the caller's tenant transaction. Small batches are one multi-row {@code INSERT ... ON
 * CONFLICT}; large ones stream through binary {@code COPY} into a session temporary table and are upserted from
 * there in one statement, so a batch has no parameter limit and costs about what COPY costs.
 */
final class ChunkWriter {
    /** From this many chunks on, COPY. */
    static final int COPY_THRESHOLD = 64;

    private static final String LOAD_TABLE = "agentstore_chunk_load";

    private ChunkWriter() {}

    /** Inserts or replaces {@code chunks} of {@code collection}, as of {@code now}. */
    static void upsert(
            Connection connection,
            DSLContext dsl,
            String tenant,
            StoredCollection collection,
            List<Chunk> chunks,
            Instant now)
            throws SQLException {
        if (chunks.size() < COPY_THRESHOLD) {
            insert(dsl, tenant, collection, chunks, now);
        } else {
            copy(connection, dsl, tenant, collection, chunks, now);
        }
    }

    private static void insert(
            DSLContext dsl, String tenant, StoredCollection collection, List<Chunk> chunks, Instant now) {
        InsertValuesStep8<Record, String, UUID, String, String, String, float[], JSONB, Instant> insert =
                dsl.insertInto(
                        VECTOR_CHUNKS,
                        VECTOR_CHUNKS.TENANT_ID,
                        VECTOR_CHUNKS.COLLECTION_ID,
                        VECTOR_CHUNKS.ID,
                        VECTOR_CHUNKS.DOCUMENT_ID,
                        VECTOR_CHUNKS.CONTENT,
                        VECTOR_CHUNKS.EMBEDDING,
                        VECTOR_CHUNKS.METADATA,
                        VECTOR_CHUNKS.UPDATED_AT);
        for (Chunk chunk : chunks) {
            insert = insert.values(
                    tenant,
                    collection.id(),
                    chunk.id(),
                    chunk.documentId(),
                    chunk.content(),
                    chunk.embedding(),
                    Json.of(chunk.metadata()),
                    now);
        }
        insert.onConflict(VECTOR_CHUNKS.TENANT_ID, VECTOR_CHUNKS.COLLECTION_ID, VECTOR_CHUNKS.ID)
                .doUpdate()
                .set(VECTOR_CHUNKS.DOCUMENT_ID, DSL.excluded(VECTOR_CHUNKS.DOCUMENT_ID))
                .set(VECTOR_CHUNKS.CONTENT, DSL.excluded(VECTOR_CHUNKS.CONTENT))
                .set(VECTOR_CHUNKS.EMBEDDING, DSL.excluded(VECTOR_CHUNKS.EMBEDDING))
                .set(VECTOR_CHUNKS.METADATA, DSL.excluded(VECTOR_CHUNKS.METADATA))
                .set(VECTOR_CHUNKS.UPDATED_AT, DSL.excluded(VECTOR_CHUNKS.UPDATED_AT))
                .execute();
    }

    private static void copy(
            Connection connection,
            DSLContext dsl,
            String tenant,
            StoredCollection collection,
            List<Chunk> chunks,
            Instant now)
            throws SQLException {
        dsl.execute(
                "create temporary table if not exists {0} (id text, document_id text, content text,"
                        + " embedding vector, metadata jsonb) on commit delete rows",
                DSL.name(LOAD_TABLE));
        String copy =
                "copy " + LOAD_TABLE + " (id, document_id, content, embedding, metadata) from stdin (format binary)";
        BinaryCopy.copy(connection, copy, rows -> {
            for (Chunk chunk : chunks) {
                rows.row(5)
                        .text(chunk.id())
                        .text(chunk.documentId())
                        .text(chunk.content())
                        .vector(chunk.embedding())
                        .jsonb(Json.of(chunk.metadata()).data());
            }
        });
        dsl.execute(
                "insert into {0} (tenant_id, collection_id, id, document_id, content, embedding, metadata,"
                        + " updated_at) select {1}, {2}, id, document_id, content, embedding, metadata, {3} from {4}"
                        + " on conflict (tenant_id, collection_id, id) do update set document_id = excluded.document_id,"
                        + " content = excluded.content, embedding = excluded.embedding, metadata = excluded.metadata,"
                        + " updated_at = excluded.updated_at",
                VECTOR_CHUNKS, DSL.val(tenant), DSL.val(collection.id()), DSL.val(now), DSL.name(LOAD_TABLE));
    }
}

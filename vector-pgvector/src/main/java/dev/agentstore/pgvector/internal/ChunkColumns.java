package dev.agentstore.pgvector.internal;

import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_CHUNKS;

import dev.agentstore.postgres.internal.Json;
import dev.agentstore.postgres.internal.RowReader;
import dev.agentstore.vector.Chunk;
import java.util.List;
import org.jooq.Field;

/** The columns a chunk is read from, in select order, and the reader of one row of them. */
final class ChunkColumns {
    /** id, document_id, content, embedding, metadata. */
    static final List<Field<?>> COLUMNS = List.of(
            VECTOR_CHUNKS.ID,
            VECTOR_CHUNKS.DOCUMENT_ID,
            VECTOR_CHUNKS.CONTENT,
            VECTOR_CHUNKS.EMBEDDING,
            VECTOR_CHUNKS.METADATA);

    /** Reads a chunk from the first five columns of a row. */
    static final RowReader<Chunk> READER = row -> new Chunk(
            row.getString(1),
            row.getString(2),
            row.getString(3),
            VectorText.parse(row.getString(4)),
            Json.map(row.getString(5)));

    private ChunkColumns() {}
}

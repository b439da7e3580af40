package dev.agentstore.pgvector.internal;

import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_CHUNKS;

import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.RowReader;
import dev.agentstore.vector.Chunk;
import java.nio.ByteBuffer;
import java.util.List;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The columns a chunk is read from, in select order, and the reader of one row of them. */
final class ChunkColumns {
    /**
     * id, document_id, content, embedding, metadata. The embedding comes in pgvector's binary form ({@code
     * vector_send}): formatting hundreds of floats as text costs the server more than the rest of a search.
     */
    static final List<Field<?>> COLUMNS = List.of(
            VECTOR_CHUNKS.ID,
            VECTOR_CHUNKS.DOCUMENT_ID,
            VECTOR_CHUNKS.CONTENT,
            DSL.field("vector_send({0})", byte[].class, VECTOR_CHUNKS.EMBEDDING),
            VECTOR_CHUNKS.METADATA);

    /** Reads a chunk from the first five columns of a row. */
    static final RowReader<Chunk> READER = row -> new Chunk(
            row.getString(1),
            row.getString(2),
            row.getString(3),
            binaryVector(row.getBytes(4)),
            Json.map(row.getString(5)));

    private ChunkColumns() {}

    /** pgvector's binary form: dimension (int16), unused (int16), then big-endian float4s. */
    static float[] binaryVector(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        float[] vector = new float[buffer.getShort() & 0xFFFF];
        buffer.getShort();
        for (int i = 0; i < vector.length; i++) {
            vector[i] = buffer.getFloat();
        }
        return vector;
    }
}

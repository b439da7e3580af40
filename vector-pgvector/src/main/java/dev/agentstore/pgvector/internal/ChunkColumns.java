package dev.agentstore.pgvector.internal;

import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_CHUNKS;

import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.RowReader;
import dev.agentstore.vector.Chunk;
import java.nio.ByteBuffer;
import java.util.List;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The columns a chunk is read from, in select order, and the readers of one row of them: id, document_id,
 * content, metadata, and the embedding when asked for. The embedding comes in pgvector's binary form ({@code
 * vector_send}): formatting hundreds of floats as text costs the server more than the rest of a search.
 */
final class ChunkColumns {
    /** id, document_id, content, metadata, embedding. */
    static final List<Field<?>> WITH_EMBEDDING = List.of(
            VECTOR_CHUNKS.ID,
            VECTOR_CHUNKS.DOCUMENT_ID,
            VECTOR_CHUNKS.CONTENT,
            VECTOR_CHUNKS.METADATA,
            DSL.field("vector_send({0})", byte[].class, VECTOR_CHUNKS.EMBEDDING));

    /** id, document_id, content, metadata: what a search returns unless asked for embeddings. */
    static final List<Field<?>> WITHOUT_EMBEDDING = WITH_EMBEDDING.subList(0, 4);

    /** Reads a chunk from the first five columns of a row of {@link #WITH_EMBEDDING}. */
    static final RowReader<Chunk> READER = row -> new Chunk(
            row.getString(1),
            row.getString(2),
            row.getString(3),
            binaryVector(row.getBytes(5)),
            Json.map(row.getString(4)));

    /** Reads a chunk from the first four columns of a row of {@link #WITHOUT_EMBEDDING}. */
    static final RowReader<Chunk> READER_WITHOUT_EMBEDDING = row ->
            Chunk.withoutEmbedding(row.getString(1), row.getString(2), row.getString(3), Json.map(row.getString(4)));

    /** The columns of a chunk, with or without its embedding. */
    static List<Field<?>> columns(boolean withEmbedding) {
        return withEmbedding ? WITH_EMBEDDING : WITHOUT_EMBEDDING;
    }

    /** The reader of {@link #columns(boolean)}. */
    static RowReader<Chunk> reader(boolean withEmbedding) {
        return withEmbedding ? READER : READER_WITHOUT_EMBEDDING;
    }

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

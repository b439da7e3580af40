package dev.agentstore.vector;

import dev.agentstore.Limits;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A piece of a document with its embedding. The vector is copied in and out, so a chunk is immutable.
 *
 * <p>A chunk returned by a search carries its embedding only when the search asked for it ({@link
 * SearchRequest#withEmbeddings()}); otherwise {@link #hasEmbedding()} is false and {@link #embedding()} throws. Such
 * a chunk cannot be upserted.
 *
 * @param id unique within the collection, chosen by the caller
 * @param documentId the document it belongs to, or null
 * @param content the text the embedding was made from
 * @param embedding the vector; its dimension is checked against the collection on upsert
 * @param metadata filterable data, empty if none
 */
public record Chunk(String id, String documentId, String content, float[] embedding, Map<String, Object> metadata) {
    /** Stands for the embedding a search left out; compared by identity, never exposed. */
    private static final float[] LEFT_OUT = new float[0];

    /** Checks every component and copies the vector and metadata. */
    public Chunk {
        Check.name("chunk.id", id);
        Check.optionalName("chunk.documentId", documentId);
        Check.text("chunk.content", content, Limits.MAX_TEXT_CHARS);
        if (embedding != LEFT_OUT) {
            Check.present("chunk.embedding", embedding);
            embedding = Check.vector("chunk.embedding", embedding.clone(), embedding.length);
        }
        metadata = Metadata.copyOf("chunk.metadata", metadata);
    }

    /**
     * A chunk as a search returns it when the caller did not ask for embeddings: for backends answering such a
     * search.
     */
    public static Chunk withoutEmbedding(String id, String documentId, String content, Map<String, ?> metadata) {
        return new Chunk(id, documentId, content, LEFT_OUT, Metadata.copyOf("chunk.metadata", metadata));
    }

    /** A chunk with no document and no metadata. */
    public static Chunk of(String id, String content, float[] embedding) {
        return new Chunk(id, null, content, embedding, Map.of());
    }

    /** This chunk as part of a document. */
    public Chunk inDocument(String document) {
        return new Chunk(id, document, content, embedding, metadata);
    }

    /** This chunk with metadata. */
    public Chunk withMetadata(Map<String, ?> data) {
        return new Chunk(id, documentId, content, embedding, Metadata.copyOf("chunk.metadata", data));
    }

    /** This chunk without its embedding, as a search that did not ask for embeddings returns it. */
    public Chunk withoutEmbedding() {
        return new Chunk(id, documentId, content, LEFT_OUT, metadata);
    }

    /** Whether this chunk carries its embedding: false for a search match unless the search asked for it. */
    public boolean hasEmbedding() {
        return embedding != LEFT_OUT;
    }

    /**
     * A copy of the vector.
     *
     * @throws IllegalStateException if this chunk came from a search that did not ask for embeddings
     */
    @Override
    public float[] embedding() {
        if (!hasEmbedding()) {
            throw new IllegalStateException("chunk " + id + " came from a search without embeddings: ask for them"
                    + " with SearchRequest.withEmbeddings()");
        }
        return embedding.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Chunk that
                && id.equals(that.id)
                && Objects.equals(documentId, that.documentId)
                && content.equals(that.content)
                && Arrays.equals(embedding, that.embedding)
                && metadata.equals(that.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, documentId, content, Arrays.hashCode(embedding), metadata);
    }

    @Override
    public String toString() {
        return "Chunk[id=" + id + ", documentId=" + documentId + ", dimension="
                + (hasEmbedding() ? embedding.length : "left out") + ", metadata=" + metadata + "]";
    }
}

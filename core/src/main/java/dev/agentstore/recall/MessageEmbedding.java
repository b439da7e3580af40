package dev.agentstore.recall;

import dev.agentstore.Limits;
import dev.agentstore.internal.Check;
import java.util.UUID;

/**
 * The embedding of one stored message, made by the caller's model from the message's text. The vector is copied in
 * and out, so the value is immutable.
 *
 * @param messageId the message
 * @param vector its embedding: 1 to {@link Limits#MAX_DIMENSION} finite components, not all zero (recall compares
 *     directions, by cosine)
 */
public record MessageEmbedding(UUID messageId, float[] vector) {
    /** Checks and copies the vector. */
    public MessageEmbedding {
        Check.id("embedding.messageId", messageId);
        vector = Check.direction("embedding.vector", vector);
    }

    /** A copy of the vector. */
    @Override
    public float[] vector() {
        return vector.clone();
    }

    /** The vector's dimension. */
    public int dimension() {
        return vector.length;
    }

    /** Leaves the vector out. */
    @Override
    public String toString() {
        return "MessageEmbedding[messageId=" + messageId + ", dimension=" + vector.length + "]";
    }
}

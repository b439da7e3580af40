package dev.agentstore.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * Stored feedback.
 *
 * @param id its id
 * @param userId who gave it
 * @param conversationId the conversation
 * @param messageId the message rated, or null for the conversation
 * @param rating 1 to 5
 * @param comment free text, or null
 * @param model the model that wrote the rated message, or null
 * @param createdAt when it was first given
 * @param updatedAt when it was last changed
 */
public record Feedback(
        UUID id,
        UUID userId,
        UUID conversationId,
        UUID messageId,
        int rating,
        String comment,
        String model,
        Instant createdAt,
        Instant updatedAt) {}

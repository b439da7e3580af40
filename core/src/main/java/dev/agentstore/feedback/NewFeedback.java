package dev.agentstore.feedback;

import dev.agentstore.Limits;
import dev.agentstore.internal.Check;
import java.util.UUID;

/**
 * A user's feedback on a message, or on a whole conversation.
 *
 * @param userId who gives it
 * @param conversationId the conversation
 * @param messageId the message rated, or null for the conversation as a whole
 * @param rating 1 (worst) to 5 (best); thumbs down and up are 1 and 5
 * @param comment free text, or null
 */
public record NewFeedback(UUID userId, UUID conversationId, UUID messageId, int rating, String comment) {
    /** Checks the components. */
    public NewFeedback {
        Check.id("feedback.userId", userId);
        Check.id("feedback.conversationId", conversationId);
        Check.range("feedback.rating", rating, 1, 5);
        Check.optionalText("feedback.comment", comment, Limits.MAX_METADATA_STRING_CHARS);
    }

    /** A rating of one message. */
    public static NewFeedback onMessage(UUID userId, UUID conversationId, UUID messageId, int rating) {
        return new NewFeedback(userId, conversationId, Check.id("feedback.messageId", messageId), rating, null);
    }

    /** A rating of a whole conversation. */
    public static NewFeedback onConversation(UUID userId, UUID conversationId, int rating) {
        return new NewFeedback(userId, conversationId, null, rating, null);
    }

    /** This feedback with a comment. */
    public NewFeedback withComment(String text) {
        return new NewFeedback(userId, conversationId, messageId, rating, text);
    }
}

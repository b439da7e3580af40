package dev.agentstore.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;

/**
 * Feedback of one tenant. Thread-safe. A user has at most one feedback per message and one per conversation: giving
 * it again replaces the rating and comment. It goes with its user, conversation or message.
 */
public interface FeedbackRepository {
    /**
     * Gives (or replaces) a user's feedback. Throws {@link dev.agentstore.NotFoundException} if the user, the
     * conversation or the message (in that conversation) does not exist.
     */
    Feedback give(NewFeedback feedback);

    /** A user's feedback on a message, or on the conversation when {@code messageId} is null. */
    Optional<Feedback> find(UUID userId, UUID conversationId, UUID messageId);

    /** Every feedback on a conversation and its messages, oldest first. */
    List<Feedback> ofConversation(UUID conversationId);

    /**
     * Removes one feedback.
     *
     * @return whether it existed
     */
    boolean withdraw(UUID feedbackId);

    /** Message feedback last changed in {@code [from, to)}, per model of the rated message. */
    SortedMap<String, FeedbackStats> byModel(Instant from, Instant to);

    /** Feedback last changed in {@code [from, to)}, per UTC day. */
    SortedMap<LocalDate, FeedbackStats> byDay(Instant from, Instant to);
}

package dev.agentstore.feedback;

/**
 * Feedback counted over a group.
 *
 * @param count how many
 * @param averageRating their mean rating, 0 when there are none
 * @param positive how many rated 4 or 5
 * @param negative how many rated 1 or 2
 */
public record FeedbackStats(long count, double averageRating, long positive, long negative) {}

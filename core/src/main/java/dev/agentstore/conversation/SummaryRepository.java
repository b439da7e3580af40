package dev.agentstore.conversation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Summaries of conversations as a step of their own: each records which messages it stands for (a branch, through
 * a sequence), and every summary is kept. Thread-safe. Summaries go with their conversation (purge, erasure).
 */
public interface SummaryRepository {
    /**
     * Records a summary as the conversation's next.
     *
     * @throws dev.agentstore.NotFoundException if the conversation or the branch does not exist
     * @throws dev.agentstore.InvalidInputException if it covers past the conversation's last message
     * @throws dev.agentstore.ConflictException if a summary of that branch already covers further (summaries of a
     *     branch only move forward)
     */
    ConversationSummary record(UUID conversationId, NewSummary summary);

    /** The latest summary of the branch, or empty if none was recorded. */
    Optional<ConversationSummary> latest(UUID conversationId, int branch);

    /** Every summary of the conversation, oldest first. */
    List<ConversationSummary> history(UUID conversationId);
}

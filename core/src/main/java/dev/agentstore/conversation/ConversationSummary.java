package dev.agentstore.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A recorded summary of a conversation's messages: what context assembly sends in place of the messages it covers.
 *
 * @param conversationId the conversation
 * @param number 1 for the conversation's first summary, one more for each later one (over all branches)
 * @param branch the branch whose messages it summarises
 * @param coversThrough the last message sequence it stands for
 * @param content its text
 * @param tokenCount its size in tokens
 * @param createdAt when it was recorded
 */
public record ConversationSummary(
        UUID conversationId,
        int number,
        int branch,
        long coversThrough,
        String content,
        int tokenCount,
        Instant createdAt) {
    /** Leaves the text out, so a summary can be logged. */
    @Override
    public String toString() {
        return "ConversationSummary[conversationId=" + conversationId + ", number=" + number + ", branch=" + branch
                + ", coversThrough=" + coversThrough + ", tokenCount=" + tokenCount + ", createdAt=" + createdAt + "]";
    }
}

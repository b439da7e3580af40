package dev.agentstore.context;

import java.util.UUID;

/** Assembles the context of a conversation's next model call. Thread-safe. */
public interface ContextAssembler {
    /**
     * What to send to a model for the conversation within {@code tokenBudget} tokens, in one call (one database round
     * trip on PostgreSQL), filled in this order while it fits:
     *
     * <ol>
     *   <li>the conversation's first system message, always (alone if it exceeds the budget);
     *   <li>the pinned memory blocks of the conversation's agent (its own, then the shared ones attached to it) and of
     *       its user, each by label, each whole or not at all;
     *   <li>the latest summary of the current branch ({@link dev.agentstore.conversation.SummaryRepository});
     *   <li>the most recent turns of the current branch after what the summary covers (all of them, without a
     *       summary), newest first back to the first that does not fit the budget less the recall share, an
     *       assistant message with tool calls and its results kept together or left out together, as {@link
     *       dev.agentstore.conversation.ConversationRepository#contextWindow} does;
     *   <li>when the options recall, the user's best past turns outside that window ({@link
     *       dev.agentstore.recall.RecallRepository#recall}), each whole with its neighbours or not at all, in what the
     *       budget has left (never tool exchanges, so no call is separated from its result); a turn
     *       already sent, as a recent turn or with a better hit, is not sent again.
     * </ol>
     *
     * @throws dev.agentstore.NotFoundException if the conversation does not exist
     */
    AssembledContext assembleContext(UUID conversationId, int tokenBudget, ContextOptions options);
}

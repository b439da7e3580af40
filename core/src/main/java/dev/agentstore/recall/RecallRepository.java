package dev.agentstore.recall;

import java.util.List;
import java.util.UUID;

/**
 * Semantic recall over the past messages of one tenant's users. Thread-safe.
 *
 * <p>Recall is opt-in: a user ({@link RecallScope#user}) or an agent ({@link RecallScope#agent}) is enabled first, and
 * from then on the messages of their conversations can be embedded (the caller's model makes the vectors; agentstore
 * stays model-free) and recalled. What recall considers is the user and assistant turns without tool calls of the
 * current branch of each conversation in scope, deleted conversations and tombstones left out. An embedding goes with
 * its message: a tombstone, an edit (the vector no longer matches the text; embed the new text again), retention, a
 * purge or erasing the user removes it, and so does disabling the last scope that covered it.
 */
public interface RecallRepository {
    /**
     * Opts a user or an agent into recall (again: no change).
     *
     * @throws dev.agentstore.NotFoundException if the user or agent does not exist
     */
    void enable(RecallScope scope);

    /**
     * Opts a user or an agent out of recall, and removes the embeddings of the messages no other enabled scope covers,
     * in one atomic step.
     *
     * @return whether it was enabled
     */
    boolean disable(RecallScope scope);

    /** Whether the user or agent has opted in. */
    boolean isEnabled(RecallScope scope);

    /**
     * Stores the embeddings of messages of a conversation, replacing any they had, in one atomic step. Vectors of
     * several dimensions may coexist (a model change); a query compares with those of its own dimension only.
     *
     * @param embeddings 1 to 1000, one per message
     * @return how many were stored
     * @throws dev.agentstore.NotFoundException if the conversation does not exist, or a message is not a live message
     *     of its current branch
     * @throws dev.agentstore.ConflictException if neither the conversation's user nor its agent has opted in
     * @throws dev.agentstore.InvalidInputException if a message is named twice, or is not a user or assistant turn
     *     without tool calls (naming {@code embeddings})
     */
    int embed(UUID conversationId, List<MessageEmbedding> embeddings);

    /**
     * The user's past turns that best match the query, best first: the embedded turns ranked by cosine similarity to the
     * query vector (those embedded with its dimension) and by full-text relevance to the query text (whole words,
     * case-insensitive; punctuation and SQL characters are plain data) each put their best {@link
     * RecallQuery#candidates()} forward, these are also ranked by time, newest first, and the three rankings are fused
     * ({@link RecallWeights}); ties go to the newer message. Each hit comes with its neighbouring turns. The user's
     * conversations out of scope, and the window the query excludes, are never searched.
     */
    List<RecallHit> recall(RecallQuery query);
}

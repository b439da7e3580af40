package dev.agentstore.recall;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Limits;
import dev.agentstore.internal.Check;
import dev.agentstore.vector.Filter;
import java.util.UUID;

/**
 * What to recall: a user's past messages that best match a text, a vector or both. Build with {@link #forUser} and
 * the {@code with...} methods; each returns a new query.
 *
 * @param userId whose messages to search (the current branch of each of their conversations but deleted ones)
 * @param text the query text for the full-text ranking (every word may match; none need all), or null
 * @param vector the query embedding for the similarity ranking, of the dimension the messages were embedded with,
 *     or null; text, vector or both must be given
 * @param limit how many hits, 1 to {@link #MAX_LIMIT}
 * @param filter only messages whose metadata passes it, or null for all
 * @param weights how the rankings are fused
 * @param neighbours how many turns before and after each hit to return with it, 0 to {@link #MAX_NEIGHBOURS}
 * @param excludedConversation a conversation whose messages from {@code excludedFrom} on are left out (the window
 *     the caller already sends), or null
 * @param excludedFrom the first excluded sequence of {@code excludedConversation}: 1 leaves out all its messages
 */
public record RecallQuery(
        UUID userId,
        String text,
        float[] vector,
        int limit,
        Filter filter,
        RecallWeights weights,
        int neighbours,
        UUID excludedConversation,
        long excludedFrom) {
    /** The most hits one query returns. */
    public static final int MAX_LIMIT = 100;

    /** The most neighbours on each side of a hit. */
    public static final int MAX_NEIGHBOURS = 10;

    /** Checks every component. */
    public RecallQuery {
        Check.id("query.userId", userId);
        text = text == null ? null : Check.text("query.text", text, Limits.MAX_TEXT_CHARS);
        vector = vector == null ? null : Check.direction("query.vector", vector);
        if (text == null && vector == null) {
            throw new InvalidInputException("query", "needs a text, a vector or both");
        }
        Check.range("query.limit", limit, 1, MAX_LIMIT);
        Check.present("query.weights", weights);
        Check.range("query.neighbours", neighbours, 0, MAX_NEIGHBOURS);
        Check.range("query.excludedFrom", excludedFrom, 1, Long.MAX_VALUE);
    }

    /** The user's 5 best messages for {@code text} and {@code vector} (either may be null), without neighbours. */
    public static RecallQuery forUser(UUID userId, String text, float[] vector) {
        return new RecallQuery(userId, text, vector, 5, null, RecallWeights.DEFAULT, 0, null, 1);
    }

    /** This query returning {@code count} hits. */
    public RecallQuery withLimit(int count) {
        return new RecallQuery(
                userId, text, vector, count, filter, weights, neighbours, excludedConversation, excludedFrom);
    }

    /** This query over the messages whose metadata passes {@code metadata} only. */
    public RecallQuery where(Filter metadata) {
        return new RecallQuery(
                userId, text, vector, limit, metadata, weights, neighbours, excludedConversation, excludedFrom);
    }

    /** This query fusing its rankings with {@code fusion}. */
    public RecallQuery weighted(RecallWeights fusion) {
        return new RecallQuery(
                userId, text, vector, limit, filter, fusion, neighbours, excludedConversation, excludedFrom);
    }

    /** This query returning {@code turns} turns before and after each hit. */
    public RecallQuery withNeighbours(int turns) {
        return new RecallQuery(userId, text, vector, limit, filter, weights, turns, excludedConversation, excludedFrom);
    }

    /** This query leaving out the messages of {@code conversationId} from sequence {@code from} on. */
    public RecallQuery excluding(UUID conversationId, long from) {
        return new RecallQuery(userId, text, vector, limit, filter, weights, neighbours, conversationId, from);
    }

    /** A copy of the query vector, or null. */
    @Override
    public float[] vector() {
        return vector == null ? null : vector.clone();
    }

    /** How many of its best messages each ranking puts forward for fusion: 4 per hit, at least 40. */
    public int candidates() {
        return candidatesFor(limit);
    }

    /** How many of its best messages each ranking puts forward for {@code limit} hits: 4 per hit, at least 40. */
    public static int candidatesFor(int limit) {
        return Math.max(40, 4 * limit);
    }

    /** Leaves the text and vector out (they may quote what the user said). */
    @Override
    public String toString() {
        return "RecallQuery[userId=" + userId + ", text=" + (text != null) + ", dimension="
                + (vector == null ? 0 : vector.length) + ", limit=" + limit + ", neighbours=" + neighbours + "]";
    }
}

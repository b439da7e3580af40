package dev.agentstore.context;

import dev.agentstore.Limits;
import dev.agentstore.internal.Check;
import dev.agentstore.recall.RecallQuery;
import dev.agentstore.recall.RecallWeights;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * How to assemble a context. Start from {@link #DEFAULTS}; each {@code with...} method returns new options.
 *
 * @param pinnedBlocks whether to include the pinned memory blocks
 * @param summary whether to include the latest summary (and start the recent turns after it)
 * @param recallText the text to recall past turns by, or null
 * @param recallVector the embedding to recall past turns by, or null; no recall when both are null
 * @param recallLimit the most recalled turns, 1 to {@link RecallQuery#MAX_LIMIT}
 * @param recallNeighbours turns before and after each recalled one, 0 to {@link RecallQuery#MAX_NEIGHBOURS}
 * @param recallWeights how recall fuses its rankings
 * @param recallShare the share of the budget left after the system message, blocks and summary that the recent turns
 *     leave to recall, 0 to 1 (what recall does not use is not given back: the recent turns were chosen first)
 * @param blockTokens how many tokens a block's text costs: by default one per 4 characters, rounded up
 */
public record ContextOptions(
        boolean pinnedBlocks,
        boolean summary,
        String recallText,
        float[] recallVector,
        int recallLimit,
        int recallNeighbours,
        RecallWeights recallWeights,
        double recallShare,
        ToIntFunction<String> blockTokens) {
    /** Blocks and summary on, no recall, a recall share of 0.25 for when it is turned on, 5 hits, 1 neighbour. */
    public static final ContextOptions DEFAULTS = new ContextOptions(
            true, true, null, null, 5, 1, RecallWeights.DEFAULT, 0.25, ContextOptions::approximateTokens);

    /** Checks every component. */
    public ContextOptions {
        Check.present("options.recallWeights", recallWeights);
        Check.range("options.recallShare", recallShare, 0, 1);
        Check.present("options.blockTokens", blockTokens);
        recallText = recallText == null ? null : Check.text("options.recallText", recallText, Limits.MAX_TEXT_CHARS);
        recallVector = recallVector == null ? null : Check.direction("options.recallVector", recallVector);
        Check.range("options.recallLimit", recallLimit, 1, RecallQuery.MAX_LIMIT);
        Check.range("options.recallNeighbours", recallNeighbours, 0, RecallQuery.MAX_NEIGHBOURS);
    }

    /** These options recalling past turns by {@code text}, {@code vector} or both (either may be null). */
    public ContextOptions recalling(String text, float[] vector) {
        return new ContextOptions(
                pinnedBlocks,
                summary,
                text,
                vector,
                recallLimit,
                recallNeighbours,
                recallWeights,
                recallShare,
                blockTokens);
    }

    /** These options recalling at most {@code hits} turns with {@code neighbours} around each. */
    public ContextOptions withRecallLimit(int hits, int neighbours) {
        return new ContextOptions(
                pinnedBlocks,
                summary,
                recallText,
                recallVector,
                hits,
                neighbours,
                recallWeights,
                recallShare,
                blockTokens);
    }

    /** These options leaving {@code share} of the budget to recall. */
    public ContextOptions withRecallShare(double share) {
        return new ContextOptions(
                pinnedBlocks,
                summary,
                recallText,
                recallVector,
                recallLimit,
                recallNeighbours,
                recallWeights,
                share,
                blockTokens);
    }

    /** These options fusing recall's rankings with {@code weights}. */
    public ContextOptions withRecallWeights(RecallWeights weights) {
        return new ContextOptions(
                pinnedBlocks,
                summary,
                recallText,
                recallVector,
                recallLimit,
                recallNeighbours,
                weights,
                recallShare,
                blockTokens);
    }

    /** These options counting a block's tokens with the caller's tokenizer. */
    public ContextOptions withBlockTokens(ToIntFunction<String> counter) {
        return new ContextOptions(
                pinnedBlocks,
                summary,
                recallText,
                recallVector,
                recallLimit,
                recallNeighbours,
                recallWeights,
                recallShare,
                counter);
    }

    /** These options without memory blocks. */
    public ContextOptions withoutBlocks() {
        return new ContextOptions(
                false,
                summary,
                recallText,
                recallVector,
                recallLimit,
                recallNeighbours,
                recallWeights,
                recallShare,
                blockTokens);
    }

    /** These options without the summary: the recent turns go back as far as the budget allows. */
    public ContextOptions withoutSummary() {
        return new ContextOptions(
                pinnedBlocks,
                false,
                recallText,
                recallVector,
                recallLimit,
                recallNeighbours,
                recallWeights,
                recallShare,
                blockTokens);
    }

    /** Whether these options recall. */
    public boolean recalls() {
        return recallText != null || recallVector != null;
    }

    /** How many of its best turns each recall ranking puts forward ({@link RecallQuery#candidatesFor}). */
    public int recallCandidates() {
        return RecallQuery.candidatesFor(recallLimit);
    }

    /** A copy of the recall vector, or null. */
    @Override
    public float[] recallVector() {
        return recallVector == null ? null : recallVector.clone();
    }

    /** The recall query of the user, leaving out the conversation's messages from {@code excludedFrom} on. */
    public RecallQuery recallQuery(UUID userId, UUID conversationId, long excludedFrom) {
        return new RecallQuery(
                userId,
                recallText,
                recallVector,
                recallLimit,
                null,
                recallWeights,
                recallNeighbours,
                conversationId,
                excludedFrom);
    }

    /** One token per 4 characters (code points), rounded up: a common rule of thumb for English text. */
    public static int approximateTokens(String text) {
        return (text.codePointCount(0, text.length()) + 3) / 4;
    }

    /** Leaves the recall text and vector out. */
    @Override
    public String toString() {
        return "ContextOptions[pinnedBlocks=" + pinnedBlocks + ", summary=" + summary + ", recalls=" + recalls()
                + ", recallLimit=" + recallLimit + ", recallNeighbours=" + recallNeighbours + ", recallShare="
                + recallShare + "]";
    }
}

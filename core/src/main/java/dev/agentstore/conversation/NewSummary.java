package dev.agentstore.conversation;

import dev.agentstore.Limits;
import dev.agentstore.internal.Check;

/**
 * A summary to record: it stands for the messages of one branch up to and including a sequence, so that context
 * assembly sends it instead of them.
 *
 * @param content the summary's text
 * @param coversThrough the last message sequence it summarises (at least 1, at most the conversation's last)
 * @param tokenCount its size in tokens, as the caller's tokenizer counts
 * @param branch the branch whose messages it summarises ({@link ConversationBranch#MAIN} unless forked)
 */
public record NewSummary(String content, long coversThrough, int tokenCount, int branch) {
    /** Checks every component. */
    public NewSummary {
        Check.text("summary.content", content, Limits.MAX_TEXT_CHARS);
        Check.range("summary.coversThrough", coversThrough, 1, Long.MAX_VALUE);
        Check.range("summary.tokenCount", tokenCount, 0, Limits.MAX_TOKENS);
        Check.range("summary.branch", branch, 0, Integer.MAX_VALUE);
    }

    /** A summary of the main branch through {@code coversThrough}. */
    public static NewSummary of(String content, long coversThrough, int tokenCount) {
        return new NewSummary(content, coversThrough, tokenCount, ConversationBranch.MAIN);
    }

    /** This summary of another branch. */
    public NewSummary onBranch(int number) {
        return new NewSummary(content, coversThrough, tokenCount, number);
    }
}

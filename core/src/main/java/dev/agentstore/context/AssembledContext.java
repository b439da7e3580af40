package dev.agentstore.context;

import dev.agentstore.block.MemoryBlock;
import dev.agentstore.conversation.ConversationSummary;
import dev.agentstore.conversation.Message;
import dev.agentstore.recall.RecallHit;
import java.util.List;

/**
 * The context of a conversation's next model call, part by part, each with its token cost.
 *
 * @param system the conversation's first system message, or null
 * @param blocks the pinned memory blocks that fit
 * @param summary the latest summary of the current branch, or null (none, left out, or did not fit)
 * @param recalled the recalled past turns that fit, best first
 * @param recent the most recent turns, oldest first
 * @param costs the tokens of each part
 * @param budget the budget it was assembled within
 * @param truncated whether anything was left out for the budget: older turns, a block, the summary or a recalled turn
 */
public record AssembledContext(
        Message system,
        List<MemoryBlock> blocks,
        ConversationSummary summary,
        List<RecallHit> recalled,
        List<Message> recent,
        ContextCosts costs,
        int budget,
        boolean truncated) {
    /** Copies the lists. */
    public AssembledContext {
        blocks = List.copyOf(blocks);
        recalled = List.copyOf(recalled);
        recent = List.copyOf(recent);
    }

    /** The tokens of all parts. */
    public long totalTokens() {
        return costs.total();
    }
}

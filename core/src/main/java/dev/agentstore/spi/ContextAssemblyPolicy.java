package dev.agentstore.spi;

import dev.agentstore.block.MemoryBlock;
import dev.agentstore.context.AssembledContext;
import dev.agentstore.context.ContextCosts;
import dev.agentstore.context.ContextOptions;
import dev.agentstore.conversation.ContextWindow;
import dev.agentstore.conversation.ConversationSummary;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.recall.RecallHit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The budget rule of {@link dev.agentstore.context.ContextAssembler#assembleContext}, applied by every backend to the
 * candidates it read: the parts in their order of precedence, each taken while it fits.
 */
public final class ContextAssemblyPolicy {
    private ContextAssemblyPolicy() {}

    /**
     * What a backend read for one assembly.
     *
     * @param system the conversation's first system message, or null
     * @param newest the newest other messages of the current branch, in sequence order (or all of them)
     * @param whole whether {@code newest} holds every message of the current branch but {@code system}
     * @param blocks the pinned blocks to consider, in order (empty if the options leave them out)
     * @param summary the latest summary of the current branch, or null (also if the options leave it out)
     * @param hits recall's hits, best first, possibly more than the options' limit and some in the recent window
     */
    public record Candidates(
            Message system,
            List<Message> newest,
            boolean whole,
            List<MemoryBlock> blocks,
            ConversationSummary summary,
            List<RecallHit> hits) {}

    /**
     * The first sequence of the turns recall leaves out of an assembly: those the budget could hold as recent turns,
     * from the oldest message whose newer messages' tokens fit the whole budget on; {@link Long#MAX_VALUE} for none.
     *
     * @param live the current branch's messages without tombstones, oldest first
     */
    public static long recallExclusionStart(List<Message> live, int budget) {
        long newer = 0;
        long start = Long.MAX_VALUE;
        for (int i = live.size() - 1; i >= 0 && newer <= budget; i--) {
            start = live.get(i).sequence();
            newer += live.get(i).tokenCount();
        }
        return start;
    }

    /** Assembles the context from {@code read} within {@code budget}. */
    public static AssembledContext assemble(Candidates read, int budget, ContextOptions options) {
        long systemTokens = read.system() == null ? 0 : read.system().tokenCount();
        long used = systemTokens;
        boolean truncated = used > budget;
        if (truncated) {
            return new AssembledContext(
                    read.system(),
                    List.of(),
                    null,
                    List.of(),
                    List.of(),
                    new ContextCosts(systemTokens, 0, 0, 0, 0),
                    budget,
                    true);
        }
        List<MemoryBlock> blocks = new ArrayList<>();
        long blockTokens = 0;
        for (MemoryBlock block : read.blocks()) {
            int cost = options.blockTokens().applyAsInt(block.value());
            if (used + cost <= budget) {
                blocks.add(block);
                used += cost;
                blockTokens += cost;
            } else {
                truncated = true;
            }
        }
        ConversationSummary summary = read.summary();
        if (summary != null && used + summary.tokenCount() > budget) {
            summary = null;
            truncated = true;
        }
        long summaryTokens = summary == null ? 0 : summary.tokenCount();
        used += summaryTokens;

        long after = summary == null ? 0 : summary.coversThrough();
        List<Message> unsummarised =
                read.newest().stream().filter(m -> m.sequence() > after).toList();
        if (summary != null) {
            // results whose call the summary covers belong to it: a window never starts with an answer to no call
            int first = 0;
            while (first < unsummarised.size() && unsummarised.get(first).role() == MessageRole.TOOL) {
                first++;
            }
            unsummarised = unsummarised.subList(first, unsummarised.size());
        }
        boolean whole = read.whole() || unsummarised.size() < read.newest().size();
        long recallReserve = options.recalls() ? (long) Math.floor((budget - used) * options.recallShare()) : 0;
        ContextWindow recent =
                ContextWindowPolicy.select(null, unsummarised, whole, Math.toIntExact(budget - used - recallReserve));
        truncated |= recent.truncated();
        used += recent.totalTokens();

        // every message goes in once: a recalled turn already sent (recent, or with a better hit) is left out
        Set<UUID> sent = new HashSet<>();
        recent.messages().forEach(m -> sent.add(m.id()));
        if (read.system() != null) {
            sent.add(read.system().id());
        }
        List<RecallHit> recalled = new ArrayList<>();
        long recalledTokens = 0;
        for (RecallHit hit : read.hits()) {
            if (recalled.size() == options.recallLimit()) {
                break;
            }
            if (sent.contains(hit.message().id())) {
                continue;
            }
            RecallHit unsent =
                    new RecallHit(hit.message(), hit.score(), unsent(hit.before(), sent), unsent(hit.after(), sent));
            if (used + unsent.tokens() <= budget) {
                recalled.add(unsent);
                unsent.turns().forEach(m -> sent.add(m.id()));
                used += unsent.tokens();
                recalledTokens += unsent.tokens();
            } else {
                truncated = true;
            }
        }
        return new AssembledContext(
                read.system(),
                blocks,
                summary,
                recalled,
                recent.messages(),
                new ContextCosts(systemTokens, blockTokens, summaryTokens, recalledTokens, recent.totalTokens()),
                budget,
                truncated);
    }

    private static List<Message> unsent(List<Message> turns, Set<UUID> sent) {
        return turns.stream().filter(m -> !sent.contains(m.id())).toList();
    }
}

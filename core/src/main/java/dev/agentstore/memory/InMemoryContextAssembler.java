package dev.agentstore.memory;

import dev.agentstore.block.BlockOwner;
import dev.agentstore.block.MemoryBlock;
import dev.agentstore.block.MemoryBlockRepository;
import dev.agentstore.context.AssembledContext;
import dev.agentstore.context.ContextAssembler;
import dev.agentstore.context.ContextOptions;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationSummary;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.conversation.SummaryRepository;
import dev.agentstore.recall.RecallHit;
import dev.agentstore.recall.RecallRepository;
import dev.agentstore.spi.ContextAssemblyPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Context assembly over one tenant's in-memory conversations, summaries, recall and memory blocks. */
final class InMemoryContextAssembler implements ContextAssembler {
    private final InMemoryConversationRepository conversations;
    private final SummaryRepository summaries;
    private final RecallRepository recall;
    private final MemoryBlockRepository blocks;

    InMemoryContextAssembler(
            InMemoryConversationRepository conversations,
            SummaryRepository summaries,
            RecallRepository recall,
            MemoryBlockRepository blocks) {
        this.conversations = conversations;
        this.summaries = summaries;
        this.recall = recall;
        this.blocks = blocks;
    }

    @Override
    public AssembledContext assembleContext(UUID conversationId, int tokenBudget, ContextOptions options) {
        Conversation conversation = conversations.requireConversation(conversationId);
        int branch = conversations.currentBranch(conversationId);
        List<Message> live = conversations.live(conversationId);
        Message system = live.stream()
                .filter(m -> m.role() == MessageRole.SYSTEM)
                .findFirst()
                .orElse(null);
        List<Message> newest = live.stream().filter(m -> m != system).toList();
        ConversationSummary summary =
                options.summary() ? summaries.latest(conversationId, branch).orElse(null) : null;
        List<RecallHit> hits = options.recalls()
                ? recall.recall(options.recallQuery(
                        conversation.userId(),
                        conversationId,
                        ContextAssemblyPolicy.recallExclusionStart(live, tokenBudget)))
                : List.of();
        return ContextAssemblyPolicy.assemble(
                new ContextAssemblyPolicy.Candidates(
                        system,
                        newest,
                        true,
                        options.pinnedBlocks() ? pinnedBlocks(conversation) : List.of(),
                        summary,
                        hits),
                tokenBudget,
                options);
    }

    /** The pinned blocks of the conversation's agent (its own, then shared ones), then of its user. */
    private List<MemoryBlock> pinnedBlocks(Conversation conversation) {
        List<MemoryBlock> pinned = new ArrayList<>();
        if (conversation.agentId() != null) {
            List<MemoryBlock> seen = blocks.forAgent(conversation.agentId());
            seen.stream()
                    .filter(b -> b.pinned() && b.owner().kind() == BlockOwner.Kind.AGENT)
                    .forEach(pinned::add);
            seen.stream()
                    .filter(b -> b.pinned() && b.owner().kind() == BlockOwner.Kind.SHARED)
                    .forEach(pinned::add);
        }
        blocks.ownedBy(BlockOwner.user(conversation.userId())).stream()
                .filter(MemoryBlock::pinned)
                .forEach(pinned::add);
        return pinned;
    }
}

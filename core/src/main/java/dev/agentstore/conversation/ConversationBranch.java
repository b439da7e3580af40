package dev.agentstore.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a conversation's history. Every conversation starts with {@link #MAIN}; {@link
 * ConversationRepository#fork} starts another at a message of the current branch, holding that message and every one
 * before it, and makes it current: what the conversation's messages, windows, memory and search then serve. The
 * branch it left keeps its later messages (the answer being regenerated, the turns after an edited one), readable
 * with {@link ConversationRepository#history(UUID, int, HistoryOrder, dev.agentstore.PageRequest)} and current again
 * after {@link ConversationRepository#switchBranch}.
 *
 * @param number the branch's number in its conversation: {@link #MAIN} for the first, then 1, 2, ... in the order
 *     they were forked
 * @param parentBranch the branch it was forked from, or -1 for {@link #MAIN}
 * @param parentMessageId the last message it shares with its parent branch, or null when it shares none (forked
 *     before the first message, and {@link #MAIN})
 * @param parentSequence that message's sequence, or 0
 * @param current whether it is the conversation's current branch
 * @param createdAt when it was forked ({@link #MAIN}: when the conversation was created)
 */
public record ConversationBranch(
        int number, int parentBranch, UUID parentMessageId, long parentSequence, boolean current, Instant createdAt) {
    /** The number of the branch every conversation starts with. */
    public static final int MAIN = 0;
}

package dev.agentstore.spi;

import dev.agentstore.conversation.ConversationBranch;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which stored messages make up one branch's history. Every message is stored once, under the branch it was appended
 * to; a branch's history is its own messages and, from each branch it descends from, those up to the sequence where
 * the line forked off it. Backends keep a flag on each message saying whether it is in the current branch's history
 * (and not a tombstone), and move it with {@link #sharedUpTo}'s help on a switch, so reading the current branch stays
 * one index range.
 */
public final class BranchLineage {
    private final Map<Integer, Long> upTo;
    private final Map<Integer, Long> parentSequences;

    private BranchLineage(Map<Integer, Long> upTo, Map<Integer, Long> parentSequences) {
        this.upTo = upTo;
        this.parentSequences = parentSequences;
    }

    /** The lineage of {@code branch} among a conversation's branches; empty if there is no such branch. */
    public static Optional<BranchLineage> of(List<ConversationBranch> branches, int branch) {
        Map<Integer, ConversationBranch> byNumber = new HashMap<>();
        Map<Integer, Long> parentSequences = new HashMap<>();
        for (ConversationBranch b : branches) {
            byNumber.put(b.number(), b);
            parentSequences.put(b.number(), b.parentSequence());
        }
        if (!byNumber.containsKey(branch)) {
            return Optional.empty();
        }
        Map<Integer, Long> upTo = new HashMap<>();
        long limit = Long.MAX_VALUE;
        for (ConversationBranch b = byNumber.get(branch); b != null; b = byNumber.get(b.parentBranch())) {
            upTo.put(b.number(), limit);
            limit = Math.min(limit, b.parentSequence());
        }
        return Optional.of(new BranchLineage(upTo, parentSequences));
    }

    /** Whether the message appended to {@code branch} at {@code sequence} is in this history. */
    public boolean contains(int branch, long sequence) {
        Long limit = upTo.get(branch);
        return limit != null && sequence <= limit;
    }

    /** The branches this history takes messages from, in {@link #upToSequences()}' order. */
    public int[] branches() {
        return upTo.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    /** For each of {@link #branches()}, the last sequence of that branch's messages in this history. */
    public long[] upToSequences() {
        return Arrays.stream(branches()).mapToLong(upTo::get).toArray();
    }

    /**
     * A sequence up to which this history and {@code other} hold exactly the same messages: only messages after it
     * can be in one and not the other.
     */
    public long sharedUpTo(BranchLineage other) {
        long shared = Long.MAX_VALUE;
        for (int branch : parentSequences.keySet()) {
            long mine = upTo.getOrDefault(branch, 0L);
            long theirs = other.upTo.getOrDefault(branch, 0L);
            if (mine != theirs) {
                // a branch's own messages all come after the message it was forked at
                shared = Math.min(shared, Math.max(Math.min(mine, theirs), parentSequences.get(branch)));
            }
        }
        return shared;
    }
}

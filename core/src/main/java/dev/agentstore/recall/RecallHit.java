package dev.agentstore.recall;

import dev.agentstore.conversation.Message;
import java.util.List;

/**
 * A recalled message with the turns around it.
 *
 * @param message the message (its {@link Message#conversationId} says where it was said)
 * @param score its fused score ({@link RecallWeights#score}); higher is better
 * @param before up to the query's neighbours of user and assistant turns just before it, oldest first
 * @param after up to as many just after it, oldest first
 */
public record RecallHit(Message message, double score, List<Message> before, List<Message> after) {
    /** Copies the neighbours. */
    public RecallHit {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** The token cost of the hit with its neighbours. */
    public long tokens() {
        long sum = message.tokenCount();
        for (Message m : before) {
            sum += m.tokenCount();
        }
        for (Message m : after) {
            sum += m.tokenCount();
        }
        return sum;
    }

    /** The neighbours before, the message, and the neighbours after, oldest first. */
    public List<Message> turns() {
        var turns = new java.util.ArrayList<Message>(before.size() + 1 + after.size());
        turns.addAll(before);
        turns.add(message);
        turns.addAll(after);
        return List.copyOf(turns);
    }
}

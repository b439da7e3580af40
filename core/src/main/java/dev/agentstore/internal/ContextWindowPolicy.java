package dev.agentstore.internal;

import dev.agentstore.conversation.ContextWindow;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageRole;
import java.util.ArrayList;
import java.util.List;

/**
 * The token-window rule: the first system message always, then the longest suffix of the remaining messages
 * whose tokens fit the rest of the budget, where an assistant message with tool calls and the tool results
 * right after it form one unit that is kept or dropped whole.
 */
public final class ContextWindowPolicy {
    private ContextWindowPolicy() {}

    /** Applies the rule to a conversation's messages in sequence order. */
    public static ContextWindow select(List<Message> chronological, int budget) {
        Message system = chronological.stream()
                .filter(m -> m.role() == MessageRole.SYSTEM)
                .findFirst()
                .orElse(null);
        long used = system == null ? 0 : system.tokenCount();
        List<Message> kept = new ArrayList<>();
        boolean truncated = used > budget;
        int end = chronological.size();
        while (end > 0 && !truncated) {
            int start = unitStart(chronological, end);
            long unitTokens = 0;
            for (int i = start; i < end; i++) {
                if (chronological.get(i) != system) {
                    unitTokens += chronological.get(i).tokenCount();
                }
            }
            if (used + unitTokens > budget) {
                truncated = true;
                break;
            }
            used += unitTokens;
            for (int i = end - 1; i >= start; i--) {
                if (chronological.get(i) != system) {
                    kept.add(chronological.get(i));
                }
            }
            end = start;
        }
        List<Message> window = new ArrayList<>();
        if (system != null) {
            window.add(system);
        }
        for (int i = kept.size() - 1; i >= 0; i--) {
            window.add(kept.get(i));
        }
        return new ContextWindow(window, used, truncated);
    }

    /** The first index of the unit that ends just before {@code end}. */
    private static int unitStart(List<Message> messages, int end) {
        int start = end - 1;
        while (start > 0 && messages.get(start).role() == MessageRole.TOOL) {
            start--;
        }
        boolean toolRun = start < end - 1;
        boolean caller = messages.get(start).role() == MessageRole.ASSISTANT
                && !messages.get(start).toolCalls().isEmpty();
        return toolRun && !caller ? end - 1 : start;
    }
}

package dev.agentstore.spi;

import dev.agentstore.conversation.ContextWindow;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageRole;
import java.util.ArrayList;
import java.util.List;

/**
 * The token-window rule: the first system message always, then the longest suffix of the remaining messages
 * whose tokens fit the rest of the budget, where an assistant message with tool calls and the tool results
 * right after it form one unit that is kept or dropped whole.
 *
 * <p>Backends that can narrow the candidates in SQL pass only the newest messages (those whose newer messages'
 * tokens fit the budget, and one more); the rule then treats a unit that may begin before them as not fitting.
 */
public final class ContextWindowPolicy {
    private ContextWindowPolicy() {}

    /** Applies the rule to all of a conversation's messages in sequence order. */
    public static ContextWindow select(List<Message> chronological, int budget) {
        Message system = chronological.stream()
                .filter(m -> m.role() == MessageRole.SYSTEM)
                .findFirst()
                .orElse(null);
        List<Message> rest = chronological.stream().filter(m -> m != system).toList();
        return select(system, rest, true, budget);
    }

    /**
     * Applies the rule to the first system message and the newest other messages.
     *
     * @param system the conversation's first system message, or null
     * @param newest the newest messages other than {@code system}, in sequence order
     * @param whole whether {@code newest} holds every message other than {@code system}
     */
    public static ContextWindow select(Message system, List<Message> newest, boolean whole, int budget) {
        long used = system == null ? 0 : system.tokenCount();
        boolean truncated = used > budget;
        int end = newest.size();
        while (end > 0 && !truncated) {
            int start = unitStart(newest, end, whole);
            long unitTokens = start < 0 ? 0 : tokens(newest, start, end);
            if (start < 0 || used + unitTokens > budget) {
                truncated = true; // a unit that may begin before the candidates never fits
            } else {
                used += unitTokens;
                end = start;
            }
        }
        List<Message> window = new ArrayList<>();
        if (system != null) {
            window.add(system);
        }
        window.addAll(newest.subList(end, newest.size()));
        return new ContextWindow(window, used, truncated || end > 0 || !whole);
    }

    private static long tokens(List<Message> messages, int start, int end) {
        long sum = 0;
        for (int i = start; i < end; i++) {
            sum += messages.get(i).tokenCount();
        }
        return sum;
    }

    /** The first index of the unit that ends just before {@code end}, or -1 if it may begin before the list. */
    private static int unitStart(List<Message> messages, int end, boolean whole) {
        int start = end - 1;
        while (start > 0 && messages.get(start).role() == MessageRole.TOOL) {
            start--;
        }
        if (start == 0 && !whole && messages.get(0).role() == MessageRole.TOOL) {
            return -1;
        }
        boolean toolRun = start < end - 1;
        boolean caller = messages.get(start).role() == MessageRole.ASSISTANT
                && !messages.get(start).toolCalls().isEmpty();
        return toolRun && !caller ? end - 1 : start;
    }
}

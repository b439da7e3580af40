package dev.agentstore.conversation;

import java.util.List;

/**
 * The messages to send to a model under a token budget, oldest first.
 *
 * @param messages the first system message (if any), then the newest messages that fit, in order
 * @param totalTokens the sum of their token counts
 * @param truncated whether older messages were left out (or the system message alone exceeds the budget)
 */
public record ContextWindow(List<Message> messages, long totalTokens, boolean truncated) {
    /** Copies the messages. */
    public ContextWindow {
        messages = List.copyOf(messages);
    }
}

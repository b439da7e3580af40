package dev.agentstore.conversation;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;

/**
 * The part of a conversation's history an agent framework still holds in its chat memory: one pinned message (a
 * system prompt, typically, kept while older turns are evicted) and every message from {@code start} on. The full
 * history stays in the append-only log ({@link ConversationRepository#history}); the window only says which of it is
 * live. A new conversation's window is everything: {@link #ALL}.
 *
 * @param start the sequence of the first message in the window (1 for the whole history); a sequence after the last
 *     message means the window starts with messages appended later
 * @param pinned the sequence of a message before {@code start} that stays in the window, or 0 for none
 */
public record MemoryWindow(long start, long pinned) {
    /** The whole history, nothing pinned. */
    public static final MemoryWindow ALL = new MemoryWindow(1, 0);

    /** Checks that the start is a sequence and the pinned message, if any, lies before it. */
    public MemoryWindow {
        Check.range("window.start", start, 1, Long.MAX_VALUE);
        Check.range("window.pinned", pinned, 0, Long.MAX_VALUE);
        if (pinned >= start) {
            throw new InvalidInputException(
                    "window.pinned", "must lie before window.start (" + start + "), but was " + pinned);
        }
    }

    /** The messages from {@code start} on, nothing pinned. */
    public static MemoryWindow from(long start) {
        return new MemoryWindow(start, 0);
    }

    /** This window with message {@code sequence} pinned. */
    public MemoryWindow pinning(long sequence) {
        return new MemoryWindow(start, sequence);
    }

    /** Whether the message at {@code sequence} is in the window. */
    public boolean contains(long sequence) {
        return sequence >= start || (pinned != 0 && sequence == pinned);
    }
}

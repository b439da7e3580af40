package dev.agentstore.conversation;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How an agent framework's new chat-memory list maps onto a conversation's stored memory window: which of its
 * messages are new (to append) and where the window moves, so that an update costs the new messages only and the
 * evicted ones stay in the history. For framework adapters (LangChain4j's {@code ChatMemoryStore}, Spring AI's
 * {@code ChatMemoryRepository}), in the framework's own message type {@code T}.
 *
 * <p>A memory's new list is normally the stored window with its oldest messages evicted (a system message kept
 * first) and new ones at the end. So: the first stored message stays pinned when the new list starts with it and it
 * is a system message or already pinned; of the rest, the longest tail of the stored window that the new list
 * continues with stays; whatever follows in the new list is appended. A list that keeps nothing of a non-empty window
 * (a summary replacing messages, a new system prompt) is a {@link #rewrite()}: all of it is appended.
 *
 * @param append the framework's messages to append, oldest first
 * @param window the window after the append
 * @param rewrite whether nothing of a non-empty stored window was kept
 * @param <T> the framework's message type; its {@code equals} decides what is kept
 */
public record MemoryPlan<T>(List<T> append, MemoryWindow window, boolean rewrite) {
    /** Copies the messages to append. */
    public MemoryPlan {
        append = List.copyOf(append);
        Objects.requireNonNull(window, "window");
    }

    /**
     * The plan that turns the stored window into {@code wanted}.
     *
     * @param next the sequence the first appended message will get: the last stored message's plus one, or for an
     *     empty window its start (an empty window lies just past the last message)
     * @param stored the window's messages as stored, oldest first ({@link ConversationRepository#memory})
     * @param storedAsFramework the same messages in the framework's type
     * @param wanted the list the framework's memory holds from now on
     * @param isSystem whether a framework message is a system message, which stays pinned while the rest is evicted
     */
    public static <T> MemoryPlan<T> of(
            long next, List<Message> stored, List<T> storedAsFramework, List<T> wanted, Predicate<T> isSystem) {
        if (stored.size() != storedAsFramework.size()) {
            throw new IllegalArgumentException("stored and storedAsFramework must hold the same messages");
        }
        boolean pinnedFirst = stored.size() > 1
                && stored.get(1).sequence() != stored.getFirst().sequence() + 1;
        boolean keepFirst = !wanted.isEmpty()
                && !stored.isEmpty()
                && storedAsFramework.getFirst().equals(wanted.getFirst())
                && (pinnedFirst || isSystem.test(wanted.getFirst()));
        int from = keepFirst ? 1 : 0;
        List<T> rest = storedAsFramework.subList(from, storedAsFramework.size());
        int kept = keptTail(rest, wanted.subList(from, wanted.size()));
        if (!keepFirst && pinnedFirst && kept == rest.size()) {
            kept = rest.size() - 1; // a pinned message cannot open a contiguous window
        }
        long start = kept > 0 ? stored.get(stored.size() - kept).sequence() : next;
        long pinned = keepFirst ? stored.getFirst().sequence() : 0;
        MemoryWindow window = pinned == 0 || pinned + 1 == start
                ? MemoryWindow.from(pinned == 0 ? start : pinned)
                : new MemoryWindow(start, pinned);
        boolean rewrite = !keepFirst && kept == 0 && !stored.isEmpty();
        return new MemoryPlan<>(wanted.subList(from + kept, wanted.size()), window, rewrite);
    }

    /** The largest {@code k} such that the last {@code k} of {@code stored} are the first {@code k} of {@code wanted}. */
    private static <T> int keptTail(List<T> stored, List<T> wanted) {
        for (int k = Math.min(stored.size(), wanted.size()); k > 0; k--) {
            if (stored.subList(stored.size() - k, stored.size()).equals(wanted.subList(0, k))) {
                return k;
            }
        }
        return 0;
    }
}

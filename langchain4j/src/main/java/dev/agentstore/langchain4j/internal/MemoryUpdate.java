package dev.agentstore.langchain4j.internal;

import dev.agentstore.conversation.MemoryWindow;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@code updateMessages} changes: the new messages to append and where the memory window moves, so an update
 * costs the new messages only and the evicted ones stay in the history.
 *
 * <p>A chat memory's new list is normally the stored window with its oldest messages evicted (a system message kept
 * first) and new ones at the end. So: the first stored message stays pinned when the new list starts with it and it is
 * a system message or already pinned; of the rest, the longest tail of the stored window that the new list continues
 * with stays; whatever follows in the new list is appended. A list that keeps nothing of a non-empty window (a summary
 * replacing messages, a new system prompt) is a rewrite: all of it is appended, the first message marked with {@link
 * #REWRITE}.
 *
 * @param append the messages to append, oldest first
 * @param window the window after the append
 */
public record MemoryUpdate(List<NewMessage> append, MemoryWindow window) {
    /** The metadata key marking the first message of a rewritten memory. */
    public static final String REWRITE = "langchain4j.rewrite";

    /**
     * The update that turns the stored window into {@code wanted}.
     *
     * @param next the sequence the first appended message will get
     * @param stored the window's messages, oldest first, as stored
     * @param storedAsChat the same as LangChain4j messages
     * @param wanted the list the chat memory holds from now on
     */
    public static MemoryUpdate of(
            long next, List<Message> stored, List<ChatMessage> storedAsChat, List<ChatMessage> wanted) {
        boolean pinnedFirst = stored.size() > 1
                && stored.get(1).sequence() != stored.getFirst().sequence() + 1;
        boolean keepFirst = !wanted.isEmpty()
                && !stored.isEmpty()
                && storedAsChat.getFirst().equals(wanted.getFirst())
                && (pinnedFirst || wanted.getFirst() instanceof SystemMessage);
        int from = keepFirst ? 1 : 0;
        List<ChatMessage> rest = storedAsChat.subList(from, storedAsChat.size());
        int kept = keptTail(rest, wanted.subList(from, wanted.size()));
        if (!keepFirst && pinnedFirst && kept == rest.size()) {
            kept = rest.size() - 1; // the pinned message cannot open a contiguous window
        }
        long start = kept > 0 ? stored.get(stored.size() - kept).sequence() : next;
        long pinned = keepFirst ? stored.getFirst().sequence() : 0;
        boolean rewrite = !keepFirst && kept == 0 && !stored.isEmpty();
        List<ChatMessage> appended = wanted.subList(from + kept, wanted.size());
        MemoryWindow window = pinned == 0 || pinned + 1 == start
                ? MemoryWindow.from(pinned == 0 ? start : pinned)
                : new MemoryWindow(start, pinned);
        return new MemoryUpdate(newMessages(appended, rewrite), window);
    }

    /** The largest {@code k} such that the last {@code k} of {@code stored} are the first {@code k} of {@code wanted}. */
    private static int keptTail(List<ChatMessage> stored, List<ChatMessage> wanted) {
        for (int k = Math.min(stored.size(), wanted.size()); k > 0; k--) {
            if (stored.subList(stored.size() - k, stored.size()).equals(wanted.subList(0, k))) {
                return k;
            }
        }
        return 0;
    }

    private static List<NewMessage> newMessages(List<ChatMessage> messages, boolean rewrite) {
        List<NewMessage> appended = new ArrayList<>(messages.size());
        for (ChatMessage message : messages) {
            NewMessage next = ChatMessages.toNew(message);
            if (rewrite && appended.isEmpty()) {
                Map<String, Object> metadata = new HashMap<>(next.metadata());
                metadata.put(REWRITE, true);
                next = next.withMetadata(metadata);
            }
            appended.add(next);
        }
        return appended;
    }
}

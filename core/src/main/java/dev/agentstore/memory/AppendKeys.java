package dev.agentstore.memory;

import dev.agentstore.conversation.Message;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The idempotency keys of one tenant's appends and what each appended, forgotten with their conversation. Used
 * under the conversations' lock.
 */
final class AppendKeys {
    private final Map<Key, List<Message>> appended = new HashMap<>();

    private record Key(UUID conversationId, String idempotencyKey) {}

    /** What the append with this key appended, or null if there was none. */
    List<Message> earlier(UUID conversationId, String idempotencyKey) {
        return appended.get(new Key(conversationId, idempotencyKey));
    }

    void remember(UUID conversationId, String idempotencyKey, List<Message> messages) {
        appended.put(new Key(conversationId, idempotencyKey), messages);
    }

    void forget(UUID conversationId) {
        appended.keySet().removeIf(key -> key.conversationId().equals(conversationId));
    }
}

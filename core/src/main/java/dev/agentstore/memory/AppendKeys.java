package dev.agentstore.memory;

import dev.agentstore.conversation.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The idempotency keys of one tenant's appends, what each appended and when, forgotten with their conversation or
 * once older than their time to live. Used under the conversations' lock.
 */
final class AppendKeys {
    private final Map<Key, Appended> appended = new HashMap<>();
    private final Duration ttl;

    private record Key(UUID conversationId, String idempotencyKey) {}

    private record Appended(List<Message> messages, Instant at) {}

    AppendKeys(Duration ttl) {
        this.ttl = ttl;
    }

    /** What the append with this key appended, or null if there was none or it is older than the time to live. */
    List<Message> earlier(UUID conversationId, String idempotencyKey, Instant now) {
        Appended earlier = appended.get(new Key(conversationId, idempotencyKey));
        return earlier == null || expired(earlier, now) ? null : earlier.messages();
    }

    void remember(UUID conversationId, String idempotencyKey, List<Message> messages, Instant now) {
        appended.put(new Key(conversationId, idempotencyKey), new Appended(messages, now));
    }

    void forget(UUID conversationId) {
        appended.keySet().removeIf(key -> key.conversationId().equals(conversationId));
    }

    /** Removes the keys older than the time to live; returns how many. */
    int removeExpired(Instant now) {
        int before = appended.size();
        appended.values().removeIf(a -> expired(a, now));
        return before - appended.size();
    }

    /** A key this old or older appends anew: the same rule as PostgreSQL's. */
    private boolean expired(Appended a, Instant now) {
        return !a.at().isAfter(now.minus(ttl));
    }
}

package dev.agentstore.memory;

import dev.agentstore.conversation.Message;
import dev.agentstore.spi.CacheLookup;
import dev.agentstore.spi.RecentMessagesCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reference {@link RecentMessagesCache}: what a Redis implementation must do, in a map. Chosen only by
 * name ({@code provider.context-cache=memory}), since caching the memory backend in memory gains nothing.
 * Every method holds the cache's lock.
 */
final class InMemoryRecentMessagesCache implements RecentMessagesCache {
    private final Clock clock;
    private final int capacity;
    private final Duration ttl;
    private final Map<UUID, Entry> entries = new HashMap<>();
    private final Map<UUID, Long> epochs = new HashMap<>();
    private long version;
    private long floor;

    InMemoryRecentMessagesCache(Clock clock, int capacity, Duration ttl) {
        this.clock = clock;
        this.capacity = capacity;
        this.ttl = ttl;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public synchronized CacheLookup newest(UUID conversationId, int count) {
        Entry entry = live(conversationId);
        if (entry == null || (entry.messages.size() < count && !entry.whole)) {
            return CacheLookup.miss(epoch(conversationId));
        }
        return CacheLookup.hit(tail(entry.messages, count));
    }

    @Override
    public synchronized boolean fill(UUID conversationId, List<Message> newest, boolean whole, long epoch) {
        if (epoch != epoch(conversationId)) {
            return false;
        }
        List<Message> kept = tail(newest, capacity);
        entries.put(conversationId, new Entry(kept, whole && kept.size() == newest.size(), expiry()));
        return true;
    }

    @Override
    public synchronized void appended(UUID conversationId, List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        epochs.put(conversationId, ++version);
        Entry entry = live(conversationId);
        if (entry == null) {
            return;
        }
        long last = entry.messages.isEmpty()
                ? 0
                : entry.messages.get(entry.messages.size() - 1).sequence();
        if (messages.get(0).sequence() != last + 1) {
            entries.remove(conversationId);
            return;
        }
        List<Message> all = new ArrayList<>(entry.messages);
        all.addAll(messages);
        entries.put(conversationId, new Entry(tail(all, capacity), entry.whole && all.size() <= capacity, expiry()));
    }

    @Override
    public synchronized void invalidate(UUID conversationId) {
        entries.remove(conversationId);
        epochs.put(conversationId, ++version);
    }

    @Override
    public synchronized void invalidateAll() {
        entries.clear();
        epochs.clear();
        floor = ++version;
    }

    private long epoch(UUID conversationId) {
        return Math.max(epochs.getOrDefault(conversationId, 0L), floor);
    }

    private Entry live(UUID conversationId) {
        Entry entry = entries.get(conversationId);
        if (entry != null && !clock.instant().isBefore(entry.expiresAt)) {
            entries.remove(conversationId);
            return null;
        }
        return entry;
    }

    private Instant expiry() {
        return clock.instant().plus(ttl);
    }

    private static List<Message> tail(List<Message> messages, int count) {
        return List.copyOf(messages.subList(Math.max(0, messages.size() - count), messages.size()));
    }

    private record Entry(List<Message> messages, boolean whole, Instant expiresAt) {}
}

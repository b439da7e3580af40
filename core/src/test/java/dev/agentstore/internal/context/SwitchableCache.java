package dev.agentstore.internal.context;

import dev.agentstore.StoreUnavailableException;
import dev.agentstore.conversation.Message;
import dev.agentstore.spi.CacheLookup;
import dev.agentstore.spi.RecentMessagesCache;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** The reference memory cache with an off switch that makes every call fail as an unreachable Redis would. */
final class SwitchableCache implements RecentMessagesCache {
    private final RecentMessagesCache cache;
    private final AtomicInteger hits = new AtomicInteger();
    private volatile boolean down;

    SwitchableCache(RecentMessagesCache cache) {
        this.cache = cache;
    }

    void down() {
        down = true;
    }

    void up() {
        down = false;
    }

    int hits() {
        return hits.get();
    }

    @Override
    public int capacity() {
        return cache.capacity();
    }

    @Override
    public CacheLookup newest(UUID conversationId, int count) {
        failIfDown();
        CacheLookup lookup = cache.newest(conversationId, count);
        if (lookup.hit().isPresent()) {
            hits.incrementAndGet();
        }
        return lookup;
    }

    @Override
    public boolean fill(UUID conversationId, List<Message> newest, boolean whole, long epoch) {
        failIfDown();
        return cache.fill(conversationId, newest, whole, epoch);
    }

    @Override
    public void appended(UUID conversationId, List<Message> messages) {
        failIfDown();
        cache.appended(conversationId, messages);
    }

    @Override
    public void invalidate(UUID conversationId) {
        failIfDown();
        cache.invalidate(conversationId);
    }

    @Override
    public void invalidateAll() {
        failIfDown();
        cache.invalidateAll();
    }

    private void failIfDown() {
        if (down) {
            throw new StoreUnavailableException("cache is down");
        }
    }
}

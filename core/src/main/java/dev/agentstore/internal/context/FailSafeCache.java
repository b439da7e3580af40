package dev.agentstore.internal.context;

import dev.agentstore.conversation.Message;
import dev.agentstore.internal.degrade.DegradationLog;
import dev.agentstore.spi.CacheLookup;
import dev.agentstore.spi.RecentMessagesCache;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * A {@link RecentMessagesCache} that never throws. A failed write leaves the entry possibly stale, so its
 * conversation is remembered and invalidated before the cache is read again; until that works, every read is a
 * miss and the source of truth answers. Failures are logged at most once a minute.
 */
final class FailSafeCache {
    private static final int MAX_PENDING = 10_000;

    private final RecentMessagesCache cache;
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pendingAll = new AtomicBoolean();
    private final DegradationLog log;

    FailSafeCache(RecentMessagesCache cache, Clock clock) {
        this.cache = cache;
        this.log = new DegradationLog(
                LoggerFactory.getLogger(FailSafeCache.class),
                "recent-context cache",
                "serving conversations from their backend",
                clock);
    }

    int capacity() {
        return cache.capacity();
    }

    /** The cache's answer, or a miss that must not be filled (epoch -1) while the cache is unusable. */
    CacheLookup newest(UUID conversationId, int count) {
        if (!flushPending()) {
            return CacheLookup.miss(-1);
        }
        try {
            CacheLookup lookup = cache.newest(conversationId, count);
            log.recovered();
            return lookup;
        } catch (RuntimeException e) {
            log.failed("read", e);
            return CacheLookup.miss(-1);
        }
    }

    void fill(UUID conversationId, List<Message> newest, boolean whole, long epoch) {
        if (epoch < 0) {
            return;
        }
        try {
            cache.fill(conversationId, newest, whole, epoch);
        } catch (RuntimeException e) {
            log.failed("fill", e);
            remember(conversationId);
        }
    }

    void appended(UUID conversationId, List<Message> messages) {
        try {
            cache.appended(conversationId, messages);
        } catch (RuntimeException e) {
            log.failed("write-through", e);
            remember(conversationId);
        }
    }

    void invalidate(UUID conversationId) {
        try {
            cache.invalidate(conversationId);
        } catch (RuntimeException e) {
            log.failed("invalidate", e);
            remember(conversationId);
        }
    }

    /** Drops every entry of the tenant; if that fails, the next use of the cache tries again first. */
    void invalidateAll() {
        try {
            cache.invalidateAll();
        } catch (RuntimeException e) {
            log.failed("invalidate", e);
            pendingAll.set(true);
        }
    }

    private void remember(UUID conversationId) {
        if (pending.size() >= MAX_PENDING) {
            pendingAll.set(true);
            pending.clear();
        } else {
            pending.add(conversationId);
        }
    }

    /** Invalidates what failed writes left possibly stale; false while that still fails. */
    private boolean flushPending() {
        if (!pendingAll.get() && pending.isEmpty()) {
            return true;
        }
        try {
            if (pendingAll.getAndSet(false)) {
                cache.invalidateAll();
            }
            for (UUID id : List.copyOf(pending)) {
                cache.invalidate(id);
                pending.remove(id);
            }
            return true;
        } catch (RuntimeException e) {
            log.failed("invalidate", e);
            return false;
        }
    }
}

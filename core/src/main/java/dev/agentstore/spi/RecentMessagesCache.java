package dev.agentstore.spi;

import dev.agentstore.conversation.Message;
import java.util.List;
import java.util.UUID;

/**
 * The newest messages of each conversation of one tenant, kept by a fast backend (Redis) in front of the
 * conversations backend, which stays the source of truth. Core reads through it and writes through it, and
 * stops using it while it fails; an implementation only stores and fetches.
 *
 * <p>An entry holds up to {@link #capacity()} of a conversation's newest messages in sequence order, and whether
 * they are the whole conversation. Entries expire after the configured {@code context-cache-ttl}.
 *
 * <p>Each conversation also has an <em>epoch</em> that every {@link #appended} and {@link #invalidate} (and
 * {@link #invalidateAll}) changes. A miss reports the epoch, and {@link #fill} stores only while the epoch is
 * unchanged, so a slow reader can never put back messages that a concurrent append or delete made stale.
 *
 * <p>Must be thread-safe, and each method atomic on its conversation (one Lua script or transaction in Redis).
 */
public interface RecentMessagesCache {
    /** The most messages an entry keeps ({@code context-cache-size}, 1 to 1,000). */
    int capacity();

    /**
     * The newest {@code count} messages, if the entry holds at least that many or the whole conversation; else a
     * miss carrying the current epoch.
     *
     * @param count 1 to {@link #capacity()}
     */
    CacheLookup newest(UUID conversationId, int count);

    /**
     * Replaces the entry with messages read from the source of truth after a miss, unless the conversation's epoch
     * has moved on since that miss.
     *
     * @param newest the conversation's newest messages, oldest first, at most {@link #capacity()}
     * @param whole whether {@code newest} is the entire conversation
     * @param epoch the epoch the miss reported
     * @return whether the entry was stored
     */
    boolean fill(UUID conversationId, List<Message> newest, boolean whole, long epoch);

    /**
     * Records messages just appended to the source of truth: changes the epoch and, when an entry exists and they
     * directly follow its last sequence, adds them and trims the oldest beyond {@link #capacity()}; when they
     * don't follow (another writer's append was missed), drops the entry.
     */
    void appended(UUID conversationId, List<Message> messages);

    /** Drops the conversation's entry and changes its epoch. */
    void invalidate(UUID conversationId);

    /** Drops every entry of this tenant and changes every epoch. */
    void invalidateAll();
}

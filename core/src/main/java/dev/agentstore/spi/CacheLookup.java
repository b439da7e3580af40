package dev.agentstore.spi;

import dev.agentstore.conversation.Message;
import java.util.List;
import java.util.Optional;

/**
 * What {@link RecentMessagesCache#newest} found: the messages on a hit, or on a miss the epoch to pass to
 * {@link RecentMessagesCache#fill}.
 *
 * @param messages the newest messages, oldest first, on a hit; null on a miss
 * @param epoch the conversation's epoch on a miss
 */
public record CacheLookup(List<Message> messages, long epoch) {
    /** Copies the messages. */
    public CacheLookup {
        messages = messages == null ? null : List.copyOf(messages);
    }

    /** A hit. */
    public static CacheLookup hit(List<Message> messages) {
        return new CacheLookup(messages, 0);
    }

    /** A miss at {@code epoch}. */
    public static CacheLookup miss(long epoch) {
        return new CacheLookup(null, epoch);
    }

    /** The messages, if this is a hit. */
    public Optional<List<Message>> hit() {
        return Optional.ofNullable(messages);
    }
}

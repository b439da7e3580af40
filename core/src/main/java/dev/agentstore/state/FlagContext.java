package dev.agentstore.state;

import dev.agentstore.internal.Check;

/**
 * Who is asking when a flag is evaluated.
 *
 * @param userId the user, or null
 * @param channel the channel, or null
 */
public record FlagContext(String userId, String channel) {
    /** Checks the components. */
    public FlagContext {
        Check.optionalName("context.userId", userId);
        Check.optionalName("context.channel", channel);
    }

    /** No user, no channel: only tenant and global values apply. */
    public static FlagContext anonymous() {
        return new FlagContext(null, null);
    }

    /** A user in a channel (either may be null). */
    public static FlagContext of(String userId, String channel) {
        return new FlagContext(userId, channel);
    }
}

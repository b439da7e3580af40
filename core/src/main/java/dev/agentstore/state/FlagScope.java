package dev.agentstore.state;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;

/**
 * Where a flag value applies. When a flag is evaluated, the most specific scope that has a value wins:
 * user, then channel, then the tenant, then global (shared by every tenant).
 *
 * @param level how specific
 * @param id the user or channel id; null for {@link Level#TENANT} and {@link Level#GLOBAL}
 */
public record FlagScope(Level level, String id) {
    /** Checks that the id is present exactly where the level needs one. */
    public FlagScope {
        Check.present("scope.level", level);
        boolean needsId = level == Level.USER || level == Level.CHANNEL;
        if (needsId) {
            Check.name("scope.id", id);
        } else if (id != null) {
            throw new InvalidInputException("scope.id", "must be null for " + level + " scope");
        }
    }

    /** Scope levels, least specific first. */
    public enum Level {
        /** Every tenant. */
        GLOBAL,
        /** The current tenant. */
        TENANT,
        /** One channel of the current tenant. */
        CHANNEL,
        /** One user of the current tenant. */
        USER
    }

    /** Applies everywhere. */
    public static FlagScope global() {
        return new FlagScope(Level.GLOBAL, null);
    }

    /** Applies to the current tenant. */
    public static FlagScope tenant() {
        return new FlagScope(Level.TENANT, null);
    }

    /** Applies to one channel. */
    public static FlagScope channel(String channel) {
        return new FlagScope(Level.CHANNEL, channel);
    }

    /** Applies to one user. */
    public static FlagScope user(String userId) {
        return new FlagScope(Level.USER, userId);
    }
}

package dev.agentstore.conversation;

import dev.agentstore.internal.Check;
import java.time.Instant;
import java.util.UUID;

/**
 * A user brought from another system by {@link ConversationRepository#importHistory}.
 *
 * @param id its id in the system it comes from (a UUID), kept
 * @param channel the channel it is known on, as {@link NewUser#channel()}
 * @param externalId its id on that channel
 * @param displayName a display name, or null
 * @param createdAt when it was originally created
 */
public record ImportedUser(UUID id, String channel, String externalId, String displayName, Instant createdAt) {
    /** Checks every component. */
    public ImportedUser {
        Check.id("user.id", id);
        Check.name("user.channel", channel);
        Check.name("user.externalId", externalId);
        Check.optionalName("user.displayName", displayName);
        Check.present("user.createdAt", createdAt);
    }

    /** A user with no display name. */
    public static ImportedUser of(UUID id, String channel, String externalId, Instant createdAt) {
        return new ImportedUser(id, channel, externalId, null, createdAt);
    }
}

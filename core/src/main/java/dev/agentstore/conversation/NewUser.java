package dev.agentstore.conversation;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;
import java.util.Map;

/**
 * A user as seen by one channel, to register or refresh with {@link ConversationRepository#upsertUser}.
 *
 * @param channel where the user comes from, e.g. {@code "web"}, {@code "slack"}, {@code "telegram"}
 * @param externalId the user's id in that channel; (channel, externalId) is unique per tenant
 * @param displayName a name to show, or null
 * @param preferences free-form settings (language, tone, ...), empty if none
 */
public record NewUser(String channel, String externalId, String displayName, Map<String, Object> preferences) {
    /** Checks every component and copies the preferences. */
    public NewUser {
        Check.name("user.channel", channel);
        Check.name("user.externalId", externalId);
        Check.optionalName("user.displayName", displayName);
        preferences = Metadata.copyOf("user.preferences", preferences);
    }

    /** A user with no display name and no preferences. */
    public static NewUser of(String channel, String externalId) {
        return new NewUser(channel, externalId, null, Map.of());
    }

    /** This user with a display name. */
    public NewUser withDisplayName(String name) {
        return new NewUser(channel, externalId, name, preferences);
    }

    /** This user with preferences. */
    public NewUser withPreferences(Map<String, ?> prefs) {
        return new NewUser(channel, externalId, displayName, Metadata.copyOf("user.preferences", prefs));
    }
}

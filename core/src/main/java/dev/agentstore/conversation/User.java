package dev.agentstore.conversation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A stored user.
 *
 * @param id the user's id, made by agentstore
 * @param channel the channel the user came from
 * @param externalId the user's id in that channel
 * @param displayName a name to show, or null
 * @param preferences free-form settings, unmodifiable
 * @param createdAt when the user was first stored
 * @param updatedAt when the user last changed
 */
public record User(
        UUID id,
        String channel,
        String externalId,
        String displayName,
        Map<String, Object> preferences,
        Instant createdAt,
        Instant updatedAt) {}

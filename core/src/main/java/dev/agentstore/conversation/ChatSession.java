package dev.agentstore.conversation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A user's session: one sitting in one channel, spanning any number of conversations.
 *
 * @param id the session's id
 * @param userId the user it belongs to
 * @param status active or ended
 * @param metadata free-form data (client, device, ...), unmodifiable
 * @param createdAt when it started
 * @param lastActiveAt when it was last touched
 */
public record ChatSession(
        UUID id,
        UUID userId,
        SessionStatus status,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant lastActiveAt) {}

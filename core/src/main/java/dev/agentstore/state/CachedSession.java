package dev.agentstore.state;

import java.time.Instant;
import java.util.Map;

/**
 * A session's cached attributes.
 *
 * @param sessionId the session key
 * @param attributes string attributes, unmodifiable
 * @param expiresAt when it expires unless touched
 */
public record CachedSession(String sessionId, Map<String, String> attributes, Instant expiresAt) {
    /** Copies the attributes. */
    public CachedSession {
        attributes = Map.copyOf(attributes);
    }
}

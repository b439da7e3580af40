package dev.agentstore.security;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A security-relevant event.
 *
 * @param id its id
 * @param type what happened
 * @param credentialId the account concerned, or null
 * @param severity e.g. {@code "info"}, {@code "warning"}, {@code "critical"}
 * @param details free-form details (never secrets), unmodifiable
 * @param occurredAt when
 */
public record SecurityEvent(
        UUID id,
        SecurityEventType type,
        UUID credentialId,
        String severity,
        Map<String, Object> details,
        Instant occurredAt) {
    /** Checks the components. */
    public SecurityEvent {
        Check.id("event.id", id);
        Check.present("event.type", type);
        Check.name("event.severity", severity);
        details = Metadata.copyOf("event.details", details);
        Check.time("event.occurredAt", occurredAt);
    }
}

package dev.agentstore.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An appended audit entry.
 *
 * @param id its id (time-ordered)
 * @param occurredAt when it was appended, by the store's clock
 * @param actorId who did it, or null for the system
 * @param action what was done
 * @param resourceType the kind of resource
 * @param resourceId the resource's id, or null
 * @param ipAddress the client's address, or null
 * @param userAgent the client's user agent, or null
 * @param requestId the request, or null
 * @param details structured details
 */
public record AuditEntry(
        UUID id,
        Instant occurredAt,
        UUID actorId,
        String action,
        String resourceType,
        String resourceId,
        String ipAddress,
        String userAgent,
        String requestId,
        Map<String, Object> details) {}

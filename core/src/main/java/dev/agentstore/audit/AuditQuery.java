package dev.agentstore.audit;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.HalfOpen;
import java.time.Instant;
import java.util.UUID;

/**
 * Selects audit entries: a half-open time range {@code [from, to)} and optional equality filters.
 *
 * @param from inclusive start
 * @param to exclusive end, after {@code from}
 * @param actorId only this actor's entries, or null
 * @param action only this action, or null
 * @param resourceType only resources of this kind, or null
 * @param resourceId only this resource (with its type, or of any type), or null
 */
public record AuditQuery(
        Instant from, Instant to, UUID actorId, String action, String resourceType, String resourceId) {
    /** Checks the range and names. */
    public AuditQuery {
        Check.timeRange("query.from", from, "query.to", to);
        Check.optionalName("query.action", action);
        Check.optionalName("query.resourceType", resourceType);
        Check.optionalName("query.resourceId", resourceId);
    }

    /** Every entry in {@code [from, to)}. */
    public static AuditQuery between(Instant from, Instant to) {
        return new AuditQuery(from, to, null, null, null, null);
    }

    /** These entries, by one actor. */
    public AuditQuery byActor(UUID actor) {
        return new AuditQuery(from, to, Check.id("query.actorId", actor), action, resourceType, resourceId);
    }

    /** These entries, of one action. */
    public AuditQuery ofAction(String name) {
        return new AuditQuery(from, to, actorId, Check.name("query.action", name), resourceType, resourceId);
    }

    /** These entries, about one resource. */
    public AuditQuery onResource(String type, String id) {
        return new AuditQuery(
                from, to, actorId, action, Check.name("query.resourceType", type), Check.name("query.resourceId", id));
    }

    /** Whether an entry passes this query. */
    public boolean matches(AuditEntry entry) {
        return HalfOpen.contains(from, to, entry.occurredAt())
                && (actorId == null || actorId.equals(entry.actorId()))
                && (action == null || action.equals(entry.action()))
                && (resourceType == null || resourceType.equals(entry.resourceType()))
                && (resourceId == null || resourceId.equals(entry.resourceId()));
    }
}

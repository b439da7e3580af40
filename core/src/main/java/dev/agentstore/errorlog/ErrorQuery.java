package dev.agentstore.errorlog;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.HalfOpen;
import java.time.Instant;
import java.util.UUID;

/**
 * Selects logged errors: a half-open time range {@code [from, to)} and optional equality filters.
 *
 * @param from inclusive start
 * @param to exclusive end, after {@code from}
 * @param service only this service's errors, or null
 * @param errorType only errors of this type, or null
 * @param agentId only errors under this agent, or null
 */
public record ErrorQuery(Instant from, Instant to, String service, String errorType, UUID agentId) {
    /** Checks the range and names. */
    public ErrorQuery {
        Check.timeRange("query.from", from, "query.to", to);
        Check.optionalName("query.service", service);
        Check.optionalName("query.errorType", errorType);
    }

    /** Every error in {@code [from, to)}. */
    public static ErrorQuery between(Instant from, Instant to) {
        return new ErrorQuery(from, to, null, null, null);
    }

    /** These errors, of one service. */
    public ErrorQuery ofService(String name) {
        return new ErrorQuery(from, to, Check.name("query.service", name), errorType, agentId);
    }

    /** These errors, of one type. */
    public ErrorQuery ofType(String type) {
        return new ErrorQuery(from, to, service, Check.name("query.errorType", type), agentId);
    }

    /** These errors, under one agent. */
    public ErrorQuery underAgent(UUID agent) {
        return new ErrorQuery(from, to, service, errorType, Check.id("query.agentId", agent));
    }

    /** Whether an entry passes this query. */
    public boolean matches(ErrorEntry entry) {
        return HalfOpen.contains(from, to, entry.occurredAt())
                && (service == null || service.equals(entry.service()))
                && (errorType == null || errorType.equals(entry.errorType()))
                && (agentId == null || agentId.equals(entry.agentId()));
    }
}

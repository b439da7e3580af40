package dev.agentstore.metrics;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.HalfOpen;
import java.time.Instant;
import java.util.UUID;

/**
 * Selects LLM metrics: a half-open time range {@code [from, to)} and optional equality filters.
 *
 * @param from inclusive start
 * @param to exclusive end, after {@code from}
 * @param model only this model, or null
 * @param sessionId only this session, or null
 */
public record MetricQuery(Instant from, Instant to, String model, UUID sessionId) {
    /** Checks the range. */
    public MetricQuery {
        Check.timeRange("query.from", from, "query.to", to);
        Check.optionalName("query.model", model);
    }

    /** Every metric in {@code [from, to)}. */
    public static MetricQuery between(Instant from, Instant to) {
        return new MetricQuery(from, to, null, null);
    }

    /** This query restricted to one model. */
    public MetricQuery forModel(String name) {
        return new MetricQuery(from, to, name, sessionId);
    }

    /** This query restricted to one session. */
    public MetricQuery forSession(UUID session) {
        return new MetricQuery(from, to, model, session);
    }

    /** Whether a metric passes this query. */
    public boolean matches(LlmRequestMetric m) {
        return HalfOpen.contains(from, to, m.recordedAt())
                && (model == null || model.equals(m.model()))
                && (sessionId == null || sessionId.equals(m.sessionId()));
    }
}

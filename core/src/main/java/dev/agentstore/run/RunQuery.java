package dev.agentstore.run;

import dev.agentstore.internal.Check;
import dev.agentstore.vector.Filter;
import java.time.Instant;
import java.util.UUID;

/**
 * Which runs to list; every criterion is optional (null) and they combine with AND.
 *
 * @param userId runs of this user, or null
 * @param conversationId runs in this conversation, or null
 * @param status runs in this status, or null
 * @param from runs created at or after this time, or null
 * @param to runs created before this time, or null
 * @param metadata runs whose metadata passes this filter (with {@link Filter}'s semantics, as for vector chunks), or
 *     null
 */
public record RunQuery(UUID userId, UUID conversationId, RunStatus status, Instant from, Instant to, Filter metadata) {
    /** Checks the time range. */
    public RunQuery {
        Check.optionalTime("query.from", from);
        Check.optionalTime("query.to", to);
        if (from != null && to != null) {
            Check.timeRange("query.from", from, "query.to", to);
        }
    }

    /** Every run. */
    public static RunQuery all() {
        return new RunQuery(null, null, null, null, null, null);
    }

    /** The runs of a user. */
    public static RunQuery ofUser(UUID userId) {
        return new RunQuery(Check.id("query.userId", userId), null, null, null, null, null);
    }

    /** These runs, in a conversation. */
    public RunQuery inConversation(UUID conversation) {
        return new RunQuery(userId, Check.id("query.conversationId", conversation), status, from, to, metadata);
    }

    /** These runs, in a status. */
    public RunQuery withStatus(RunStatus runStatus) {
        return new RunQuery(userId, conversationId, Check.present("query.status", runStatus), from, to, metadata);
    }

    /** These runs, created in {@code [start, end)}. */
    public RunQuery createdBetween(Instant start, Instant end) {
        return new RunQuery(userId, conversationId, status, start, end, metadata);
    }

    /** These runs, narrowed to those whose metadata passes {@code filter}. */
    public RunQuery where(Filter filter) {
        return new RunQuery(userId, conversationId, status, from, to, Check.present("query.metadata", filter));
    }

    /** Whether {@code run} matches. */
    public boolean matches(AgentRun run) {
        return (userId == null || userId.equals(run.userId()))
                && (conversationId == null || conversationId.equals(run.conversationId()))
                && (status == null || status == run.status())
                && (from == null || !run.createdAt().isBefore(from))
                && (to == null || run.createdAt().isBefore(to))
                && (metadata == null || metadata.test(run.metadata()));
    }
}

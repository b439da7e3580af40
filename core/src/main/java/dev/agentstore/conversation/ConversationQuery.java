package dev.agentstore.conversation;

import dev.agentstore.internal.Check;
import dev.agentstore.vector.Filter;
import java.util.UUID;

/**
 * Which of a tenant's conversations {@link ConversationRepository#listConversations(ConversationQuery,
 * dev.agentstore.PageRequest)} lists, and in what order. Start from {@link #all()} or {@link #ofUser(UUID)} and narrow
 * it: {@code ConversationQuery.ofUser(id).withStatus(ACTIVE).orderedBy(RECENT_ACTIVITY)}. Every condition given must
 * hold.
 *
 * @param userId only this user's conversations, or null for every user's
 * @param agentId only conversations running under this agent, or null for any
 * @param status only conversations in this status, or null for any
 * @param metadata only conversations whose metadata passes this filter (with {@link Filter}'s semantics, the same as
 *     for vector chunks), or null for any
 * @param order the order of the listing
 */
public record ConversationQuery(
        UUID userId, UUID agentId, ConversationStatus status, Filter metadata, ConversationOrder order) {
    /** Checks the order is given. */
    public ConversationQuery {
        Check.present("query.order", order);
    }

    /** Every conversation of the tenant, newest first. */
    public static ConversationQuery all() {
        return new ConversationQuery(null, null, null, null, ConversationOrder.NEWEST_FIRST);
    }

    /** One user's conversations, newest first. */
    public static ConversationQuery ofUser(UUID userId) {
        return all().forUser(userId);
    }

    /** This query narrowed to one user's conversations. */
    public ConversationQuery forUser(UUID user) {
        return new ConversationQuery(Check.id("query.userId", user), agentId, status, metadata, order);
    }

    /** This query narrowed to conversations running under one agent. */
    public ConversationQuery underAgent(UUID agent) {
        return new ConversationQuery(userId, Check.id("query.agentId", agent), status, metadata, order);
    }

    /** This query narrowed to one status; null for any. */
    public ConversationQuery withStatus(ConversationStatus newStatus) {
        return new ConversationQuery(userId, agentId, newStatus, metadata, order);
    }

    /** This query narrowed to conversations whose metadata passes {@code filter}. */
    public ConversationQuery where(Filter filter) {
        return new ConversationQuery(userId, agentId, status, Check.present("query.metadata", filter), order);
    }

    /** This query listing in another order. */
    public ConversationQuery orderedBy(ConversationOrder newOrder) {
        return new ConversationQuery(userId, agentId, status, metadata, newOrder);
    }
}

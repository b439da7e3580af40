/**
 * Feedback on answers: a user's rating (and comment) of a message or a whole conversation, one per user and
 * target, with aggregates per model and per day.
 *
 * <p>Null rule: arguments are non-null unless a component says "or null"; lookups return
 * {@link java.util.Optional}; collections come back empty, never null.
 */
package dev.agentstore.feedback;

/**
 * Fast, expiring state: a session cache, rate limits, presence and feature flags. Redis serves them when
 * configured; the in-memory backend otherwise.
 *
 * <p>Null rule: arguments are non-null unless a component says "or null"; lookups return
 * {@link java.util.Optional}; collections come back empty, never null.
 */
package dev.agentstore.state;

/**
 * Agent runs: one execution of an agent for a user (optionally within a conversation), with its input, output,
 * usage and a status that only moves forward.
 *
 * <p>Null rule: arguments are non-null unless a component says "or null"; lookups return
 * {@link java.util.Optional}; collections come back empty, never null.
 */
package dev.agentstore.run;

/**
 * The response cache: model responses stored under a stable key derived from the model, its parameters and
 * the prompt, with a time to live and hit counts.
 *
 * <p>Null rule: arguments are non-null unless a component says "or null"; lookups return
 * {@link java.util.Optional}.
 */
package dev.agentstore.cache;

/**
 * Agent (bot) definitions and per-channel defaults: who owns an agent, its model, sampling temperature, prompts,
 * visibility and configuration, changed with optimistic concurrency; and the default model and settings of each
 * channel.
 *
 * <p>Null rule: arguments are non-null unless a component says "or null"; lookups return
 * {@link java.util.Optional}; collections come back empty, never null.
 */
package dev.agentstore.agent;

/**
 * System samples and per-request LLM metrics: recording (one or in batches), queries by time, model and
 * session, aggregates with latency percentiles, daily rollups and retention.
 *
 * <p>Days are UTC calendar days. Null rule: arguments are non-null unless a component says "or null";
 * collections come back empty, never null.
 */
package dev.agentstore.metrics;

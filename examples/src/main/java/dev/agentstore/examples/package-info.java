/**
 * Runnable examples of the agentstore SDK. Each example has a {@code main} that opens the store from the
 * {@code AGENTSTORE_*} environment (the in-memory default when nothing is set) and a {@code run} method that
 * takes an open store and an output stream, so tests run it on the in-memory default and on PostgreSQL plus
 * Redis:
 * <ul>
 *   <li>{@link dev.agentstore.examples.QuickStart}: every area in a few lines each;
 *   <li>{@link dev.agentstore.examples.ChatAgent}: a multi-turn chat loop with a token-budget context window,
 *       a running summary, rate limits, per-call metrics and the response cache;
 *   <li>{@link dev.agentstore.examples.Rag}: a text corpus embedded in-process and searched by meaning, with
 *       metadata filters and hybrid (vector plus full-text) ranking;
 *   <li>{@link dev.agentstore.examples.Security}: registration, login, TOTP, lockout and API keys;
 *   <li>{@link dev.agentstore.examples.MetricsReport}: a synthetic day of metrics, its rollup and a text chart.
 * </ul>
 */
package dev.agentstore.examples;

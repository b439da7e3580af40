/**
 * API usage: one row per API call (endpoint, method, tokens, response time, status code) by an API key and/or a
 * user, kept in UTC months like metrics, with daily aggregates per key and user and quotas that let an app refuse
 * calls over a configured limit.
 *
 * <p>Days and months are UTC. Null rule: arguments are non-null unless a component says "or null"; lookups return
 * {@link java.util.Optional}; collections come back empty, never null.
 */
package dev.agentstore.usage;

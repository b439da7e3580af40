/**
 * The audit log: who did what to which resource, from which address and user agent, under which request id.
 * Append-only: entries cannot be changed or deleted through the API, only dropped by month through retention.
 * The SDK writes entries for its own security-relevant operations (see {@link dev.agentstore.audit.AuditActions}).
 *
 * <p>Null rule: arguments are non-null unless a component says "or null"; lookups return
 * {@link java.util.Optional}; collections come back empty, never null.
 */
package dev.agentstore.audit;

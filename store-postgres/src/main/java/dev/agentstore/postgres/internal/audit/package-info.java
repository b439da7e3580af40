/** The append-only audit log in the month-partitioned {@code audit_log} table. */
package dev.agentstore.postgres.internal.audit;

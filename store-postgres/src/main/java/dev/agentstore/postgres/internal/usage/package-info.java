/** API usage in the month-partitioned {@code api_usage} table, with per-subject quotas. */
package dev.agentstore.postgres.internal.usage;

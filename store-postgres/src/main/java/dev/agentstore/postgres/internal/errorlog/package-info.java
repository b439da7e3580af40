/** The error log in the month-partitioned {@code error_log} table. */
package dev.agentstore.postgres.internal.errorlog;

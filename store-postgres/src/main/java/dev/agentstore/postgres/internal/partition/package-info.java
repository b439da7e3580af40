/** Monthly range partitions of time-series tables: created ahead on write, dropped whole by retention. */
package dev.agentstore.postgres.internal.partition;

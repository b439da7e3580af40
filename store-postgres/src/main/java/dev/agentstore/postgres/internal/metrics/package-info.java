/** System and LLM metrics in month-partitioned tables: COPY ingest, SQL aggregates, daily rollups, retention. */
package dev.agentstore.postgres.internal.metrics;

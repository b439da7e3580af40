/** Run checkpoints in PostgreSQL: checkpoints and the pending writes of their tasks. */
package dev.agentstore.postgres.internal.checkpoint;

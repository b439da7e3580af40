/** PostgreSQL feedback on messages and conversations. Internal. */
package dev.agentstore.postgres.internal.feedback;

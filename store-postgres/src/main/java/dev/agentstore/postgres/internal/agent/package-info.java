/** PostgreSQL agent definitions and channel defaults. Internal. */
package dev.agentstore.postgres.internal.agent;

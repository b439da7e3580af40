/** Context assembly on PostgreSQL: every part of a conversation's next model call read in one round trip. */
package dev.agentstore.postgres.internal.context;

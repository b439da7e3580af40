/**
 * The PostgreSQL backend of agentstore: add {@code agentstore-store-postgres} and set {@code postgres.url}, and
 * {@link dev.agentstore.AgentStore#open} serves conversations, models and the response cache from PostgreSQL.
 * Tables live in their own schema (default {@code agentstore}), migrated by bundled Flyway scripts, and every
 * row is confined to its tenant by row-level security.
 */
package dev.agentstore.postgres;

/** PostgreSQL response cache. Internal. */
package dev.agentstore.postgres.internal.cache;

/** PostgreSQL model registry. Internal. */
package dev.agentstore.postgres.internal.model;

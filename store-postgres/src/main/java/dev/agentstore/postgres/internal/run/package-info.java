/** PostgreSQL agent runs. Internal. */
package dev.agentstore.postgres.internal.run;

/**
 * The PostgreSQL backend's implementation: repositories, pool, migrations, tenant scoping and error
 * translation. Internal: not part of the supported API and may change in any release.
 */
package dev.agentstore.postgres.internal;

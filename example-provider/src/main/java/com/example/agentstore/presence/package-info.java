/**
 * An example of a third-party provider: presence ({@link dev.agentstore.spi.Capability#PRESENCE}) kept in
 * PostgreSQL, built only on agentstore's public API, its supported SPI and store-postgres's supported helpers
 * ({@link dev.agentstore.postgres.spi}): the shared pool and settings, tenant-scoped execution under row-level
 * security, the tenant-policy function in its own Flyway migrations, and error translation. Copy it to start yours.
 */
package com.example.agentstore.presence;

/**
 * Supported helpers for providers that keep their data in PostgreSQL beside {@code agentstore-store-postgres}:
 * vector-pgvector is built on them, and a third-party provider can be too. Versioned like the public API.
 *
 * <ul>
 *   <li>Connecting: {@link dev.agentstore.postgres.spi.PostgresPool} (the shared, TLS-checked HikariCP pool),
 *       {@link dev.agentstore.postgres.spi.PostgresDsl} (jOOQ rendering for the schema).
 *   <li>Tenant-scoped execution: {@link dev.agentstore.postgres.spi.TenantSql} runs each statement in a
 *       transaction whose {@code agentstore.tenant_id} setting row-level security reads; {@link
 *       dev.agentstore.postgres.spi.RowReader} maps rows, {@link dev.agentstore.postgres.spi.SqlTemplate} keeps a
 *       statement pre-rendered, {@link dev.agentstore.postgres.spi.BinaryCopy} streams rows with binary COPY.
 *   <li>Schema: {@link dev.agentstore.postgres.spi.PostgresMigrator} runs a provider's own Flyway migrations with
 *       the owner credentials, {@link dev.agentstore.postgres.spi.OwnerDdl} runs DDL at run time as the schema
 *       owner, {@link dev.agentstore.postgres.spi.TenantPolicy} puts a table under the tenant policy, {@link
 *       dev.agentstore.postgres.spi.RuntimeRole} checks the runtime role cannot bypass it.
 *   <li>Values and errors: {@link dev.agentstore.postgres.spi.Json}, {@link dev.agentstore.postgres.spi.Timestamps},
 *       {@link dev.agentstore.postgres.spi.MetadataFilterSql} (a metadata {@code Filter} as a condition), {@link
 *       dev.agentstore.postgres.spi.PostgresErrors} (SQL states to agentstore's typed exceptions).
 * </ul>
 *
 * <p>Nothing here reaches into {@code dev.agentstore.postgres.internal}, which stays private to the backend.
 */
package dev.agentstore.postgres.spi;

/**
 * agentstore vector-pgvector: {@link dev.agentstore.vector.VectorRepository} on PostgreSQL with pgvector. Each
 * collection is a partition of one chunks table with its own HNSW or IVFFlat index over its dimension; ingest
 * streams through binary COPY; filters compile to index-friendly SQL with bound parameters; hybrid search fuses
 * the vector ranking with a full-text ranking. Add the dependency and set {@code postgres.url}.
 */
package dev.agentstore.pgvector;

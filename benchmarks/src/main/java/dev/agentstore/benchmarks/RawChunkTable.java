package dev.agentstore.benchmarks;

import dev.agentstore.postgres.spi.BinaryCopy;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.vector.Chunk;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * {@link UpsertBenchmark}'s baseline: a table with a collection partition's columns and indexes (primary key,
 * document index, HNSW, GIN on the metadata, GIN on the generated text-search column) but no tenant, no partitioning
 * and no row-level security, written by its owner with binary COPY (the metadata encoded as agentstore encodes it),
 * one transaction per call.
 */
final class RawChunkTable {
    private final Connection connection;

    private RawChunkTable(Connection connection) {
        this.connection = connection;
    }

    /** Creates the table, without indexes (see {@link #index()}). */
    static RawChunkTable create(Connection connection, int dimension) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("drop table if exists raw_chunks");
            ddl.execute("create table raw_chunks (id text collate \"C\" primary key, document_id text,"
                    + " content text not null, embedding vector(" + dimension + ") not null,"
                    + " metadata jsonb not null default '{}',"
                    + " content_search tsvector generated always as (to_tsvector('simple', content)) stored,"
                    + " updated_at timestamptz not null)");
        }
        connection.setAutoCommit(false);
        connection.commit();
        return new RawChunkTable(connection);
    }

    /** Builds the indexes over the rows loaded so far. */
    void index() throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("set maintenance_work_mem = '256MB'");
            ddl.execute("create index on raw_chunks (document_id) where document_id is not null");
            ddl.execute("create index on raw_chunks using gin (metadata jsonb_path_ops)");
            ddl.execute("create index on raw_chunks using gin (content_search)");
            ddl.execute("create index on raw_chunks using hnsw (embedding vector_cosine_ops)"
                    + " with (m = 16, ef_construction = 64)");
            ddl.execute("analyze raw_chunks");
        }
        connection.commit();
    }

    /** Copies {@code chunks} in one transaction. */
    void insert(List<Chunk> chunks) throws SQLException {
        Instant now = Instant.now();
        BinaryCopy.copy(
                connection,
                "copy raw_chunks (id, document_id, content, embedding, metadata, updated_at) from stdin (format binary)",
                rows -> {
                    for (Chunk chunk : chunks) {
                        rows.row(6)
                                .text(chunk.id())
                                .text(chunk.documentId())
                                .text(chunk.content())
                                .vector(chunk.embedding())
                                .jsonb(Json.of(chunk.metadata()).data())
                                .timestamp(now);
                    }
                });
        connection.commit();
    }
}

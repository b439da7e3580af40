package dev.agentstore.benchmarks;

import com.pgvector.PGvector;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The baseline: one table holding the same chunks (id, content, metadata, embedding, plus the bucket as an integer
 * column for the filter), binary COPY, then CREATE INDEX (HNSW, m 16, ef_construction 64, cosine) with the
 * same maintenance_work_mem agentstore uses; top-10 queries as plain SQL on the same server, as the table owner.
 */
final class RawPgvector implements VectorSide {
    private final Connection connection;

    RawPgvector(Connection connection) {
        this.connection = connection;
    }

    @Override
    public String name() {
        return "raw SQL";
    }

    /** Loads and indexes the vectors; returns the seconds it took. */
    @Override
    public double load(List<float[]> vectors) throws SQLException, IOException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("drop table if exists raw_items");
            ddl.execute("create table raw_items (id text primary key, content text not null, bucket int not null,"
                    + " metadata jsonb not null, embedding vector(" + EmbeddingLikeData.DIMENSION + ") not null)");
        }
        long start = System.nanoTime();
        PGConnection pg = connection.unwrap(PGConnection.class);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new PGCopyOutputStream(
                        pg, "copy raw_items (id, content, bucket, metadata, embedding) from stdin (format binary)"),
                1 << 16))) {
            out.write("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
            out.writeInt(0);
            out.writeInt(0);
            for (int i = 0; i < vectors.size(); i++) {
                out.writeShort(5);
                writeText(out, VectorBenchmark.id(i));
                writeText(out, VectorBenchmark.content(i));
                out.writeInt(4);
                out.writeInt(i % 10);
                byte[] metadata = ("{\"bucket\": " + i % 10 + "}").getBytes(StandardCharsets.UTF_8);
                out.writeInt(metadata.length + 1);
                out.writeByte(1); // jsonb version
                out.write(metadata);
                float[] v = vectors.get(i);
                out.writeInt(4 + 4 * v.length);
                out.writeShort(v.length);
                out.writeShort(0);
                for (float x : v) {
                    out.writeFloat(x);
                }
            }
            out.writeShort(-1);
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("set maintenance_work_mem = '256MB'");
            ddl.execute("create index on raw_items using hnsw (embedding vector_cosine_ops)"
                    + " with (m = 16, ef_construction = 64)");
            ddl.execute("analyze raw_items");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Sets ef_search for the following queries (and, for the filtered baseline, no iterative scan). */
    @Override
    public void efSearch(int ef) throws SQLException {
        try (Statement set = connection.createStatement()) {
            set.execute("set hnsw.ef_search = " + ef);
            set.execute("set hnsw.iterative_scan = off");
        }
    }

    /**
     * The ids of the top 10, optionally only of one bucket (a plain filtered HNSW scan). Like agentstore's search it
     * reads what a caller needs of each match: content, metadata and distance.
     */
    @Override
    public List<Integer> top10(int q, float[] query, Integer bucket) throws SQLException {
        String sql = "select id, content, metadata::text, embedding <=> ?::vector as distance from raw_items"
                + (bucket == null ? "" : " where bucket = ?") + " order by embedding <=> ?::vector limit 10";
        // pgvector-java's type, as a careful developer binds it (text cast to vector re-parses: PgvectorJavaBenchmark)
        PGvector vector = new PGvector(query);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int at = 1;
            statement.setObject(at++, vector);
            if (bucket != null) {
                statement.setInt(at++, bucket);
            }
            statement.setObject(at, vector);
            List<Integer> ids = new ArrayList<>(10);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(VectorBenchmark.row(rows.getString(1)));
                    rows.getString(2);
                    rows.getString(3);
                    rows.getDouble(4);
                }
            }
            return ids;
        }
    }

    private static void writeText(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}

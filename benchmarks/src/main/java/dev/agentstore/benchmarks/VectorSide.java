package dev.agentstore.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One side of {@link VectorBenchmark}: a vector store loaded with the benchmark's rows (row {@code i}: its vector,
 * {@link VectorBenchmark#content(int)}, metadata {@code bucket = i mod 10}) and asked for top-10s.
 */
interface VectorSide {
    /** The side's name in the table. */
    String name();

    /** Loads every row, index included, into an empty store; returns the seconds it took. */
    double load(List<float[]> vectors) throws Exception;

    /** Sets HNSW's ef_search for the queries that follow. */
    void efSearch(int ef) throws Exception;

    /**
     * The row numbers of the top 10 for query number {@code q} (vector {@code query}), only of {@code bucket} when
     * not null, reading what a caller uses of each match (id, content, metadata, score).
     */
    List<Integer> top10(int q, float[] query, Integer bucket) throws Exception;

    /** Sets {@code hnsw.ef_search} for the session of {@code connection}, for stores that run on one connection. */
    static void setEfSearch(Connection connection, int ef) throws SQLException {
        try (Statement set = connection.createStatement()) {
            set.execute("set hnsw.ef_search = " + ef);
        }
    }
}

package dev.agentstore.benchmarks;

import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.postgres.spi.BinaryCopy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * The baselines: the same rows as the table's administrator (who bypasses row-level security, so COPY may write a
 * protected table directly), in chunks, each chunk one transaction: through binary COPY (pgjdbc's CopyManager,
 * encoded by the same tuple writer agentstore uses, with the tenant as the first column), or as one JDBC batch of
 * prepared INSERTs per chunk.
 */
final class RawLlmMetrics {
    private static final String COLUMNS = "tenant_id, recorded_at, request_id, model, session_id, conversation_id,"
            + " prompt_tokens, completion_tokens, latency_ms, time_to_first_token_ms, cache_hit, success, error_type";

    private final Connection connection;

    RawLlmMetrics(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
    }

    /** Loads {@code chunks} into {@code table} for {@code tenant}, one COPY per chunk; returns the seconds it took. */
    double copy(String table, String tenant, List<List<LlmRequestMetric>> chunks) throws SQLException {
        long start = System.nanoTime();
        for (List<LlmRequestMetric> chunk : chunks) {
            copyChunk(table, tenant, chunk);
            connection.commit();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private void copyChunk(String table, String tenant, List<LlmRequestMetric> metrics) throws SQLException {
        BinaryCopy.copy(connection, "copy " + table + " (" + COLUMNS + ") from stdin (format binary)", rows -> {
            for (LlmRequestMetric m : metrics) {
                rows.row(13)
                        .text(tenant)
                        .timestamp(m.recordedAt())
                        .uuid(m.requestId())
                        .text(m.model())
                        .uuid(m.sessionId())
                        .uuid(m.conversationId())
                        .int4(m.promptTokens())
                        .int4(m.completionTokens())
                        .int8(m.latencyMillis())
                        .int8(m.timeToFirstTokenMillis())
                        .bool(m.cacheHit())
                        .bool(m.success())
                        .text(m.errorType());
            }
        });
    }

    /** Inserts {@code chunks} into {@code table} for {@code tenant}, one JDBC batch per chunk; returns the seconds. */
    double jdbcBatch(String table, String tenant, List<List<LlmRequestMetric>> chunks) throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into " + table + " (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (List<LlmRequestMetric> chunk : chunks) {
                batch(insert, tenant, chunk);
                connection.commit();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void batch(PreparedStatement insert, String tenant, List<LlmRequestMetric> metrics)
            throws SQLException {
        for (LlmRequestMetric m : metrics) {
            insert.setString(1, tenant);
            insert.setTimestamp(2, Timestamp.from(m.recordedAt()));
            insert.setObject(3, m.requestId());
            insert.setString(4, m.model());
            insert.setObject(5, m.sessionId(), Types.OTHER);
            insert.setObject(6, m.conversationId(), Types.OTHER);
            insert.setInt(7, m.promptTokens());
            insert.setInt(8, m.completionTokens());
            insert.setLong(9, m.latencyMillis());
            insert.setObject(10, m.timeToFirstTokenMillis(), Types.BIGINT);
            insert.setBoolean(11, m.cacheHit());
            insert.setBoolean(12, m.success());
            insert.setString(13, m.errorType());
            insert.addBatch();
        }
        insert.executeBatch();
    }
}

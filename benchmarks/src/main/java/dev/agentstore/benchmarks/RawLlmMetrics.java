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
 * The baselines: the same rows into the same partitioned {@code llm_metrics} table as its administrator (who
 * bypasses row-level security, so COPY may write the table directly), once through binary COPY (pgjdbc's
 * CopyManager, encoded by the same tuple writer agentstore uses, with the tenant as the first column) and once as a JDBC batch of prepared INSERTs
 * (10,000 per executeBatch), each in one transaction.
 */
final class RawLlmMetrics {
    private static final String COLUMNS = "tenant_id, recorded_at, request_id, model, session_id, conversation_id,"
            + " prompt_tokens, completion_tokens, latency_ms, time_to_first_token_ms, cache_hit, success, error_type";
    private static final int JDBC_BATCH = 10_000;

    private final Connection connection;

    RawLlmMetrics(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
    }

    /** Loads {@code metrics} for {@code tenant} with one COPY; returns the seconds it took. */
    double copy(String tenant, List<LlmRequestMetric> metrics) throws SQLException {
        long start = System.nanoTime();
        BinaryCopy.copy(
                connection, "copy agentstore.llm_metrics (" + COLUMNS + ") from stdin (format binary)", rows -> {
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
        connection.commit();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Inserts {@code metrics} for {@code tenant} as JDBC batches; returns the seconds it took. */
    double jdbcBatch(String tenant, List<LlmRequestMetric> metrics) throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement("insert into agentstore.llm_metrics (" + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
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
                if (++pending == JDBC_BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
        connection.commit();
        return (System.nanoTime() - start) / 1e9;
    }
}

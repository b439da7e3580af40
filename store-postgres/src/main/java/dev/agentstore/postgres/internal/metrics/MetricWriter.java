package dev.agentstore.postgres.internal.metrics;

import static dev.agentstore.postgres.internal.jooq.Tables.LLM_METRICS;
import static dev.agentstore.postgres.internal.jooq.Tables.SYSTEM_METRICS;

import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.postgres.internal.partition.MissingPartitionException;
import dev.agentstore.postgres.spi.BinaryCopy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.function.IntSupplier;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Writes metric rows inside the caller's tenant transaction. Small batches are one multi-row {@code INSERT};
 * large ones stream through binary {@code COPY} into a session temporary table (COPY cannot write through
 * row-level security) and move into the partitioned table with one {@code INSERT ... SELECT}. LLM metrics already
 * recorded (same request id and time) are skipped with {@code ON CONFLICT DO NOTHING} (for COPY batches only once
 * a plain insert has met one).
 */
final class MetricWriter {
    /** From this many rows on, COPY. */
    static final int COPY_THRESHOLD = 256;

    private static final String LLM_LOAD = "agentstore_llm_metrics_load";
    private static final String SYSTEM_LOAD = "agentstore_system_metrics_load";

    private MetricWriter() {}

    /** Inserts the LLM metrics not recorded yet; returns how many were new. */
    static long llm(Connection connection, DSLContext dsl, String tenant, List<LlmRequestMetric> metrics)
            throws SQLException {
        if (metrics.size() < COPY_THRESHOLD) {
            InsertValuesStepN<Record> insert = dsl.insertInto(LLM_METRICS, LLM_METRICS.fields());
            for (LlmRequestMetric m : metrics) {
                insert = insert.values(
                        tenant,
                        m.recordedAt(),
                        m.requestId(),
                        m.model(),
                        m.sessionId(),
                        m.conversationId(),
                        m.promptTokens(),
                        m.completionTokens(),
                        m.latencyMillis(),
                        m.timeToFirstTokenMillis(),
                        m.cacheHit(),
                        m.success(),
                        m.errorType());
            }
            var statement = insert.onConflictDoNothing();
            return intoPartitions(statement::execute);
        }
        dsl.execute(
                "create temporary table if not exists {0} (recorded_at timestamptz, request_id uuid, model text,"
                        + " session_id uuid, conversation_id uuid, prompt_tokens integer, completion_tokens integer,"
                        + " latency_ms bigint, time_to_first_token_ms bigint, cache_hit boolean, success boolean,"
                        + " error_type text) on commit delete rows",
                DSL.name(LLM_LOAD));
        BinaryCopy.copy(connection, "copy " + LLM_LOAD + " from stdin (format binary)", rows -> {
            for (LlmRequestMetric m : metrics) {
                LlmMetricTuple.write(rows.row(LlmMetricTuple.FIELDS), m);
            }
        });
        return insertOptimistically(connection, dsl, tenant);
    }

    /**
     * Moves the loaded metrics into the table with a plain {@code INSERT ... SELECT} first, inside a savepoint:
     * fresh rows, the common case, skip the speculative insertion {@code ON CONFLICT} costs per row. If a row was
     * recorded already (a retried batch), the plain insert fails on the primary key and the rows go again with
     * {@code ON CONFLICT DO NOTHING}.
     */
    private static long insertOptimistically(Connection connection, DSLContext dsl, String tenant) throws SQLException {
        String insert = "insert into {0} (tenant_id, recorded_at, request_id, model, session_id, conversation_id,"
                + " prompt_tokens, completion_tokens, latency_ms, time_to_first_token_ms, cache_hit, success,"
                + " error_type) select {1}, * from {2}";
        Savepoint plain = connection.setSavepoint();
        try {
            int inserted = intoPartitions(() -> dsl.execute(insert, LLM_METRICS, DSL.val(tenant), DSL.name(LLM_LOAD)));
            connection.releaseSavepoint(plain);
            return inserted;
        } catch (DataAccessException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            connection.rollback(plain);
        }
        return intoPartitions(() ->
                dsl.execute(insert + " on conflict do nothing", LLM_METRICS, DSL.val(tenant), DSL.name(LLM_LOAD)));
    }

    private static boolean isUniqueViolation(DataAccessException e) {
        return "23505".equals(e.sqlState());
    }

    /** Inserts the samples; each gets the next serial. */
    static void system(Connection connection, DSLContext dsl, String tenant, List<SystemSample> samples)
            throws SQLException {
        if (samples.size() < COPY_THRESHOLD) {
            var insert = dsl.insertInto(
                    SYSTEM_METRICS,
                    SYSTEM_METRICS.TENANT_ID,
                    SYSTEM_METRICS.RECORDED_AT,
                    SYSTEM_METRICS.HOST,
                    SYSTEM_METRICS.CPU_PERCENT,
                    SYSTEM_METRICS.MEMORY_PERCENT,
                    SYSTEM_METRICS.GPU_PERCENT,
                    SYSTEM_METRICS.GPU_MEMORY_PERCENT,
                    SYSTEM_METRICS.DISK_PERCENT);
            for (SystemSample s : samples) {
                insert = insert.values(
                        tenant,
                        s.recordedAt(),
                        s.host(),
                        s.cpuPercent(),
                        s.memoryPercent(),
                        s.gpuPercent(),
                        s.gpuMemoryPercent(),
                        s.diskPercent());
            }
            var statement = insert;
            intoPartitions(statement::execute);
            return;
        }
        dsl.execute(
                "create temporary table if not exists {0} (recorded_at timestamptz, host text,"
                        + " cpu_percent float8, memory_percent float8, gpu_percent float8, gpu_memory_percent float8,"
                        + " disk_percent float8) on commit delete rows",
                DSL.name(SYSTEM_LOAD));
        BinaryCopy.copy(connection, "copy " + SYSTEM_LOAD + " from stdin (format binary)", rows -> {
            for (SystemSample s : samples) {
                SystemSampleTuple.write(rows.row(SystemSampleTuple.FIELDS), s);
            }
        });
        intoPartitions(() -> dsl.execute(
                "insert into {0} (tenant_id, recorded_at, host, cpu_percent, memory_percent, gpu_percent,"
                        + " gpu_memory_percent, disk_percent) select {1}, * from {2}",
                SYSTEM_METRICS, DSL.val(tenant), DSL.name(SYSTEM_LOAD)));
    }

    private static int intoPartitions(IntSupplier insert) {
        return (int) MissingPartitionException.translate(insert::getAsInt);
    }
}

package dev.agentstore.postgres.internal.metrics;

import static dev.agentstore.postgres.internal.jooq.Tables.LLM_METRICS;
import static dev.agentstore.postgres.internal.jooq.Tables.METRIC_SERIES;
import static dev.agentstore.postgres.internal.jooq.Tables.SYSTEM_METRICS;

import dev.agentstore.metrics.GenerationParameters;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.SeriesPoint;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.postgres.internal.partition.MissingPartitionException;
import dev.agentstore.postgres.spi.BinaryCopy;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.function.IntSupplier;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Table;
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

    private static final Load LLM_LOAD = new Load(
            "agentstore_llm_metrics_load",
            "recorded_at timestamptz, request_id uuid, model text, session_id uuid, conversation_id uuid,"
                    + " prompt_tokens integer, completion_tokens integer, latency_ms bigint,"
                    + " time_to_first_token_ms bigint, cache_hit boolean, success boolean, error_type text,"
                    + " temperature float8, top_p float8, max_tokens integer",
            LlmMetricTuple.COLUMNS);
    private static final Load SYSTEM_LOAD = new Load(
            "agentstore_system_metrics_load",
            "recorded_at timestamptz, host text, cpu_percent float8, memory_percent float8, gpu_percent float8,"
                    + " gpu_memory_percent float8, disk_percent float8, readings jsonb",
            SystemSampleTuple.COLUMNS);
    private static final Load SERIES_LOAD = new Load(
            "agentstore_metric_series_load",
            "series text, recorded_at timestamptz, value float8, labels jsonb",
            SeriesPointTuple.COLUMNS);

    private MetricWriter() {}

    /** Inserts the LLM metrics not recorded yet; returns how many were new. */
    static long llm(Connection connection, DSLContext dsl, String tenant, List<LlmRequestMetric> metrics)
            throws SQLException {
        if (metrics.size() < COPY_THRESHOLD) {
            InsertValuesStepN<Record> insert = dsl.insertInto(LLM_METRICS, LLM_METRICS.fields());
            for (LlmRequestMetric m : metrics) {
                GenerationParameters parameters = m.parameters();
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
                        m.errorType(),
                        parameters.temperature(),
                        parameters.topP(),
                        parameters.maxTokens());
            }
            var statement = insert.onConflictDoNothing();
            return intoPartitions(statement::execute);
        }
        LLM_LOAD.copy(connection, dsl, metrics, LlmMetricTuple.FIELDS, LlmMetricTuple::write);
        return insertOptimistically(connection, dsl, tenant);
    }

    /**
     * Moves the loaded metrics into the table with a plain {@code INSERT ... SELECT} first, inside a savepoint:
     * fresh rows, the common case, skip the speculative insertion {@code ON CONFLICT} costs per row. If a row was
     * recorded already (a retried batch), the plain insert fails on the primary key and the rows go again with
     * {@code ON CONFLICT DO NOTHING}.
     */
    private static long insertOptimistically(Connection connection, DSLContext dsl, String tenant) throws SQLException {
        Savepoint plain = connection.setSavepoint();
        try {
            int inserted = LLM_LOAD.insertInto(dsl, LLM_METRICS, tenant, "");
            connection.releaseSavepoint(plain);
            return inserted;
        } catch (DataAccessException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            connection.rollback(plain);
        }
        return LLM_LOAD.insertInto(dsl, LLM_METRICS, tenant, " on conflict do nothing");
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
                    SYSTEM_METRICS.DISK_PERCENT,
                    SYSTEM_METRICS.READINGS);
            for (SystemSample s : samples) {
                insert = insert.values(
                        tenant,
                        s.recordedAt(),
                        s.host(),
                        s.cpuPercent(),
                        s.memoryPercent(),
                        s.gpuPercent(),
                        s.gpuMemoryPercent(),
                        s.diskPercent(),
                        SystemSampleTuple.readings(s));
            }
            var statement = insert;
            intoPartitions(statement::execute);
            return;
        }
        SYSTEM_LOAD.copy(connection, dsl, samples, SystemSampleTuple.FIELDS, SystemSampleTuple::write);
        SYSTEM_LOAD.insertInto(dsl, SYSTEM_METRICS, tenant, "");
    }

    /** Inserts the series points; each gets the next serial. */
    static void series(Connection connection, DSLContext dsl, String tenant, List<SeriesPoint> points)
            throws SQLException {
        if (points.size() < COPY_THRESHOLD) {
            var insert = dsl.insertInto(
                    METRIC_SERIES,
                    METRIC_SERIES.TENANT_ID,
                    METRIC_SERIES.SERIES,
                    METRIC_SERIES.RECORDED_AT,
                    METRIC_SERIES.VALUE,
                    METRIC_SERIES.LABELS);
            for (SeriesPoint p : points) {
                insert = insert.values(tenant, p.series(), p.recordedAt(), p.value(), SeriesPointTuple.labels(p));
            }
            var statement = insert;
            intoPartitions(statement::execute);
            return;
        }
        SERIES_LOAD.copy(connection, dsl, points, SeriesPointTuple.FIELDS, SeriesPointTuple::write);
        SERIES_LOAD.insertInto(dsl, METRIC_SERIES, tenant, "");
    }

    private static int intoPartitions(IntSupplier insert) {
        return (int) MissingPartitionException.translate(insert::getAsInt);
    }

    /** Writes one row's fields into a COPY. */
    @FunctionalInterface
    private interface TupleWriter<T> {
        void write(BinaryCopy copy, T row) throws IOException;
    }

    /**
     * A session temporary table that a large batch is COPYed into (emptied at commit) before one
     * {@code INSERT ... SELECT} moves it, with the tenant, into the partitioned table.
     *
     * @param name the temporary table
     * @param definition its column definitions
     * @param columns the target's columns after {@code tenant_id}, in the temporary table's order
     */
    private record Load(String name, String definition, String columns) {
        <T> void copy(Connection connection, DSLContext dsl, List<T> rows, int fields, TupleWriter<T> tuple)
                throws SQLException {
            dsl.execute("create temporary table if not exists " + name + " (" + definition + ") on commit delete rows");
            BinaryCopy.copy(connection, "copy " + name + " from stdin (format binary)", copy -> {
                for (T row : rows) {
                    tuple.write(copy.row(fields), row);
                }
            });
        }

        int insertInto(DSLContext dsl, Table<?> target, String tenant, String suffix) {
            return intoPartitions(() -> dsl.execute(
                    "insert into {0} (tenant_id, " + columns + ") select {1}, * from {2}" + suffix,
                    target,
                    DSL.val(tenant),
                    DSL.name(name)));
        }
    }
}

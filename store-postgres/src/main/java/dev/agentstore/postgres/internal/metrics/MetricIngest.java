package dev.agentstore.postgres.internal.metrics;

import static dev.agentstore.postgres.internal.jooq.Tables.LLM_METRICS;
import static dev.agentstore.postgres.internal.jooq.Tables.METRIC_SERIES;
import static dev.agentstore.postgres.internal.jooq.Tables.SYSTEM_METRICS;

import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.SeriesPoint;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.postgres.internal.IngestTransaction;
import dev.agentstore.postgres.internal.partition.MissingPartitionException;
import dev.agentstore.postgres.spi.BinaryCopy;
import dev.agentstore.postgres.spi.PostgresDsl;
import dev.agentstore.postgres.spi.PostgresErrors;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Large metric batches (LLM metrics, system samples, series points) COPYed straight into the partitioned tables through the optional ingest role
 * ({@code postgres.ingest-user}): a role that bypasses row-level security (PostgreSQL refuses COPY FROM into a
 * table under it) but may do nothing except INSERT into the metrics tables. The tenant column is written from the
 * tenant view the batch came through, like every other write. A batch holding a metric recorded before (a
 * retry) fails on the primary key and is answered {@link #ALREADY_RECORDED}, so the caller falls back to the
 * row-level-security path, which skips such rows.
 */
public final class MetricIngest {
    /** What {@link #llm} answers when some row of the batch exists already. */
    static final long ALREADY_RECORDED = -1;

    private static final String LLM_COLUMNS = "tenant_id, " + LlmMetricTuple.COLUMNS;
    private static final String SYSTEM_COLUMNS = "tenant_id, " + SystemSampleTuple.COLUMNS;
    private static final String SERIES_COLUMNS = "tenant_id, " + SeriesPointTuple.COLUMNS;

    private final DataSource pool;
    private final String llmCopy;
    private final String systemCopy;
    private final String seriesCopy;

    /** COPY through {@code pool} (the ingest role's) into the metrics tables of {@code schema}. */
    public MetricIngest(DataSource pool, String schema) {
        this.pool = pool;
        DSLContext dsl = PostgresDsl.create(pool, schema);
        this.llmCopy = "copy " + dsl.render(LLM_METRICS) + " (" + LLM_COLUMNS + ") from stdin (format binary)";
        this.systemCopy = "copy " + dsl.render(SYSTEM_METRICS) + " (" + SYSTEM_COLUMNS + ") from stdin (format binary)";
        this.seriesCopy = "copy " + dsl.render(METRIC_SERIES) + " (" + SERIES_COLUMNS + ") from stdin (format binary)";
    }

    /** COPYs the batch in one transaction; returns how many rows were written, or {@link #ALREADY_RECORDED}. */
    long llm(String tenant, List<LlmRequestMetric> metrics) {
        try {
            copy(llmCopy, rows -> {
                for (LlmRequestMetric m : metrics) {
                    LlmMetricTuple.write(rows.row(1 + LlmMetricTuple.FIELDS).text(tenant), m);
                }
            });
            return metrics.size();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return ALREADY_RECORDED;
            }
            throw failure(e);
        }
    }

    /** COPYs the samples in one transaction. */
    void system(String tenant, List<SystemSample> samples) {
        try {
            copy(systemCopy, rows -> {
                for (SystemSample s : samples) {
                    SystemSampleTuple.write(
                            rows.row(1 + SystemSampleTuple.FIELDS).text(tenant), s);
                }
            });
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** COPYs the series points in one transaction. */
    void series(String tenant, List<SeriesPoint> points) {
        try {
            copy(seriesCopy, rows -> {
                for (SeriesPoint p : points) {
                    SeriesPointTuple.write(rows.row(1 + SeriesPointTuple.FIELDS).text(tenant), p);
                }
            });
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void copy(String sql, BinaryCopy.Rows rows) throws SQLException {
        IngestTransaction.run(pool, connection -> BinaryCopy.copy(connection, sql, rows));
    }

    /** A row without a partition becomes {@link MissingPartitionException}; the rest as any database failure. */
    private static RuntimeException failure(SQLException e) {
        DataAccessException wrapped = new DataAccessException("metric ingest failed", e);
        return MissingPartitionException.isCause(e)
                ? new MissingPartitionException(wrapped)
                : PostgresErrors.translate(wrapped);
    }
}

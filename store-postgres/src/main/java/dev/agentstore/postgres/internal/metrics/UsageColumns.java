package dev.agentstore.postgres.internal.metrics;

import static dev.agentstore.postgres.internal.jooq.Tables.LLM_METRICS;

import dev.agentstore.metrics.UsageStats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The aggregates of {@link UsageStats} over {@code llm_metrics} rows as select columns, computed the way core's
 * calculator does: continuous percentiles, the mean of each request's completion tokens per second (0 when the
 * latency is 0), shares as double division. Every aggregate is 0 over no rows.
 */
final class UsageColumns {
    private static final Field<Double> ZERO = DSL.inline(0.0);

    /** The nine columns, in the order of {@link UsageStats}'s components. */
    static final List<Field<?>> FIELDS = List.of(
            DSL.count().cast(SQLDataType.BIGINT),
            DSL.coalesce(DSL.sum(LLM_METRICS.PROMPT_TOKENS), DSL.inline(0)).cast(SQLDataType.BIGINT),
            DSL.coalesce(DSL.sum(LLM_METRICS.COMPLETION_TOKENS), DSL.inline(0)).cast(SQLDataType.BIGINT),
            DSL.coalesce(DSL.avg(tokensPerSecond()).cast(SQLDataType.DOUBLE), ZERO),
            latencyPercentile(0.50),
            latencyPercentile(0.95),
            latencyPercentile(0.99),
            share(LLM_METRICS.CACHE_HIT.isTrue()),
            share(LLM_METRICS.SUCCESS.isFalse()));

    private UsageColumns() {}

    /** The stats in the nine columns starting at {@code first} (1-based). */
    static UsageStats read(ResultSet row, int first) throws SQLException {
        return new UsageStats(
                row.getLong(first),
                row.getLong(first + 1),
                row.getLong(first + 2),
                row.getDouble(first + 3),
                row.getDouble(first + 4),
                row.getDouble(first + 5),
                row.getDouble(first + 6),
                row.getDouble(first + 7),
                row.getDouble(first + 8));
    }

    private static Field<Double> tokensPerSecond() {
        return DSL.when(LLM_METRICS.LATENCY_MS.eq(0L), ZERO)
                .otherwise(LLM_METRICS
                        .COMPLETION_TOKENS
                        .cast(SQLDataType.DOUBLE)
                        .mul(DSL.inline(1000.0))
                        .div(LLM_METRICS.LATENCY_MS.cast(SQLDataType.DOUBLE)));
    }

    private static Field<Double> latencyPercentile(double fraction) {
        return DSL.coalesce(
                DSL.percentileCont(fraction)
                        .withinGroupOrderBy(LLM_METRICS.LATENCY_MS)
                        .cast(SQLDataType.DOUBLE),
                ZERO);
    }

    private static Field<Double> share(org.jooq.Condition condition) {
        return DSL.coalesce(
                DSL.avg(DSL.when(condition, DSL.inline(1.0)).otherwise(ZERO)).cast(SQLDataType.DOUBLE), ZERO);
    }
}

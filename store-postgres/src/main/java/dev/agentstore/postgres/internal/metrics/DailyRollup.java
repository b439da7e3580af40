package dev.agentstore.postgres.internal.metrics;

import static dev.agentstore.postgres.internal.jooq.Tables.DAILY_METRICS_SUMMARY;
import static dev.agentstore.postgres.internal.jooq.Tables.LLM_METRICS;
import static dev.agentstore.postgres.internal.jooq.Tables.MODELS;
import static dev.agentstore.postgres.internal.jooq.Tables.SYSTEM_METRICS;

import dev.agentstore.metrics.DailySummary;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.RowReader;
import dev.agentstore.postgres.spi.TenantSql;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * The daily summary computed and stored by one statement: the day's usage aggregates, the most used model (ties to
 * the first name), the peak CPU, memory and GPU readings, and the cost of the requests to models with pricing per
 * currency of that pricing (per model: price per 1,000 tokens times the model's token sums; amounts kept as exact
 * decimal strings in a JSON object), upserted on (tenant, day), so running it again
 * over the same rows stores and returns the same summary. Every value is bound; table names come from jOOQ.
 */
final class DailyRollup {
    /** The stored columns, in the order {@link #READER} reads them. */
    static final List<Field<?>> SUMMARY = List.of(
            DAILY_METRICS_SUMMARY.DAY,
            DAILY_METRICS_SUMMARY.REQUESTS,
            DAILY_METRICS_SUMMARY.PROMPT_TOKENS,
            DAILY_METRICS_SUMMARY.COMPLETION_TOKENS,
            DAILY_METRICS_SUMMARY.AVG_TOKENS_PER_SECOND,
            DAILY_METRICS_SUMMARY.P50_LATENCY_MS,
            DAILY_METRICS_SUMMARY.P95_LATENCY_MS,
            DAILY_METRICS_SUMMARY.P99_LATENCY_MS,
            DAILY_METRICS_SUMMARY.CACHE_HIT_RATE,
            DAILY_METRICS_SUMMARY.ERROR_RATE,
            DAILY_METRICS_SUMMARY.MOST_USED_MODEL,
            DAILY_METRICS_SUMMARY.PEAK_CPU_PERCENT,
            DAILY_METRICS_SUMMARY.PEAK_MEMORY_PERCENT,
            DAILY_METRICS_SUMMARY.PEAK_GPU_PERCENT,
            DAILY_METRICS_SUMMARY.COST_BY_CURRENCY);

    /** Reads a row of {@link #SUMMARY}. */
    static final RowReader<DailySummary> READER = row -> new DailySummary(
            row.getObject(1, LocalDate.class),
            UsageColumns.read(row, 2),
            row.getString(11),
            row.getObject(12, Double.class),
            row.getObject(13, Double.class),
            row.getObject(14, Double.class),
            costs(row.getString(15)));

    private static final String STATEMENT = "with per_model as ("
            + " select model, count(*) as requests, sum(prompt_tokens) as prompt, sum(completion_tokens) as completion"
            + " from {0} where tenant_id = {4} and recorded_at >= {6} and recorded_at < {7} group by model)"
            + " insert into {3} (tenant_id, day, requests, prompt_tokens, completion_tokens, avg_tokens_per_second,"
            + " p50_latency_ms, p95_latency_ms, p99_latency_ms, cache_hit_rate, error_rate, most_used_model,"
            + " peak_cpu_percent, peak_memory_percent, peak_gpu_percent, cost_by_currency, computed_at)"
            + " select {4}, {5}, usage.*,"
            + " (select model from per_model order by requests desc, model limit 1),"
            + " peaks.cpu, peaks.memory, peaks.gpu,"
            + " (select coalesce(jsonb_object_agg(currency, amount::text), jsonb_build_object()) from ("
            + " select m.price_currency as currency,"
            + " sum((m.input_price_per_1k * p.prompt + m.output_price_per_1k * p.completion) / 1000) as amount"
            + " from per_model p join {2} m on m.tenant_id = {4} and m.name = p.model"
            + " where m.input_price_per_1k is not null group by m.price_currency) as costs),"
            + " {8}"
            + " from (select {9} from {0} where {0}.tenant_id = {4} and {0}.recorded_at >= {6}"
            + " and {0}.recorded_at < {7}) as usage,"
            + " (select max(cpu_percent) as cpu, max(memory_percent) as memory, max(gpu_percent) as gpu"
            + " from {1} where tenant_id = {4} and recorded_at >= {6} and recorded_at < {7}) as peaks"
            + " on conflict (tenant_id, day) do update set requests = excluded.requests,"
            + " prompt_tokens = excluded.prompt_tokens, completion_tokens = excluded.completion_tokens,"
            + " avg_tokens_per_second = excluded.avg_tokens_per_second, p50_latency_ms = excluded.p50_latency_ms,"
            + " p95_latency_ms = excluded.p95_latency_ms, p99_latency_ms = excluded.p99_latency_ms,"
            + " cache_hit_rate = excluded.cache_hit_rate, error_rate = excluded.error_rate,"
            + " most_used_model = excluded.most_used_model, peak_cpu_percent = excluded.peak_cpu_percent,"
            + " peak_memory_percent = excluded.peak_memory_percent, peak_gpu_percent = excluded.peak_gpu_percent,"
            + " cost_by_currency = excluded.cost_by_currency, computed_at = excluded.computed_at"
            + " returning {10}";

    private DailyRollup() {}

    /** The stored JSON object of currency code to amount (a decimal string). */
    static SortedMap<String, BigDecimal> costs(String json) {
        SortedMap<String, BigDecimal> costs = new TreeMap<>();
        Json.map(json).forEach((currency, amount) -> costs.put(currency.trim(), new BigDecimal(amount.toString())));
        return costs;
    }

    /** Computes, stores and returns the summary of {@code day} for the tenant of {@code sql}. */
    static DailySummary run(TenantSql sql, LocalDate day, Instant now) {
        return sql.query(statement(sql.tenant(), day, now), READER).getFirst();
    }

    private static ResultQuery<Record> statement(String tenant, LocalDate day, Instant now) {
        return DSL.resultQuery(
                STATEMENT,
                LLM_METRICS,
                SYSTEM_METRICS,
                MODELS,
                DAILY_METRICS_SUMMARY,
                DSL.val(tenant),
                DSL.val(day),
                DSL.val(day.atStartOfDay(ZoneOffset.UTC).toInstant()),
                DSL.val(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
                DSL.val(now),
                DSL.list(UsageColumns.FIELDS),
                DSL.list(SUMMARY.stream()
                        .map(f -> DSL.field(DSL.name(f.getName())))
                        .toList()));
    }
}

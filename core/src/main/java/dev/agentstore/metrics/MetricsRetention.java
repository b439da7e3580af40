package dev.agentstore.metrics;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Store-wide retention of raw metrics. Raw system samples and LLM metrics are kept in UTC calendar months (in
 * PostgreSQL, one partition per month and table), and retention drops whole months at once for every tenant,
 * never row by row. Daily summaries are kept. Reach it through {@link dev.agentstore.AgentStore#metricsRetention()}
 * on the root store: a tenant's view cannot drop other tenants' rows. Thread-safe.
 */
public interface MetricsRetention {

    /**
     * Drops the raw system and LLM metrics of every UTC month that ended at or before {@code cutoff}, for all
     * tenants. Rows of the month holding {@code cutoff} stay until a later cutoff passes that month's end.
     *
     * @return the months dropped (those that held rows or had storage), oldest first
     */
    List<YearMonth> dropMonthsBefore(Instant cutoff);
}

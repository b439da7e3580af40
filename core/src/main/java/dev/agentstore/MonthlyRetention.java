package dev.agentstore;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Store-wide retention of a time series kept in UTC calendar months (in PostgreSQL, one partition per month):
 * whole months are dropped at once for every tenant, never row by row. Reach one through the root
 * {@link AgentStore}: a tenant's view must not drop other tenants' rows. Thread-safe.
 */
public interface MonthlyRetention {

    /**
     * Drops every month that ended at or before {@code cutoff}, for all tenants. Rows of the month holding
     * {@code cutoff} stay until a later cutoff passes that month's end.
     *
     * @return the months dropped (those that held rows or had storage), oldest first
     */
    List<YearMonth> dropMonthsBefore(Instant cutoff);
}

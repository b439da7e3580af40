package dev.agentstore.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rollup of one UTC day, kept after retention drops the raw rows.
 *
 * @param day the day
 * @param usage aggregates over the day's LLM requests
 * @param mostUsedModel the model with the most requests (ties broken by name), or null on a day without requests
 * @param peakCpuPercent highest CPU reading of the day, or null without samples
 * @param peakMemoryPercent highest memory reading, or null
 * @param peakGpuPercent highest GPU reading, or null
 * @param costByCurrency the summed cost of the requests to models with pricing, per ISO 4217 currency of that
 *     pricing (never added across currencies), by currency code; empty when no request had a priced model
 */
public record DailySummary(
        LocalDate day,
        UsageStats usage,
        String mostUsedModel,
        Double peakCpuPercent,
        Double peakMemoryPercent,
        Double peakGpuPercent,
        SortedMap<String, BigDecimal> costByCurrency) {

    /** Copies the costs into an unmodifiable map sorted by currency; null is none. */
    public DailySummary {
        costByCurrency = Collections.unmodifiableSortedMap(
                costByCurrency == null ? new TreeMap<>() : new TreeMap<>(costByCurrency));
    }

    /** The day's cost in {@code currency} (e.g. {@code "USD"}), or zero when nothing was priced in it. */
    public BigDecimal cost(String currency) {
        return costByCurrency.getOrDefault(currency, BigDecimal.ZERO);
    }

    /** Whether any request of the day went to a model with pricing. */
    public boolean priced() {
        return !costByCurrency.isEmpty();
    }
}

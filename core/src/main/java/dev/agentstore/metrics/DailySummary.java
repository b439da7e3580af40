package dev.agentstore.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The rollup of one UTC day, kept after retention drops the raw rows.
 *
 * @param day the day
 * @param usage aggregates over the day's LLM requests
 * @param mostUsedModel the model with the most requests (ties broken by name), or null on a day without requests
 * @param peakCpuPercent highest CPU reading of the day, or null without samples
 * @param peakMemoryPercent highest memory reading, or null
 * @param peakGpuPercent highest GPU reading, or null
 * @param cost summed cost of requests to models with pricing, or null when no request had a priced model
 */
public record DailySummary(
        LocalDate day,
        UsageStats usage,
        String mostUsedModel,
        Double peakCpuPercent,
        Double peakMemoryPercent,
        Double peakGpuPercent,
        BigDecimal cost) {}

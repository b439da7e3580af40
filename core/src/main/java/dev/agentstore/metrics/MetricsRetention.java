package dev.agentstore.metrics;

import dev.agentstore.MonthlyRetention;

/**
 * Store-wide retention of raw metrics: raw system samples and LLM metrics are kept in UTC calendar months (in
 * PostgreSQL, one partition per month and table), and retention drops whole months of both at once for every
 * tenant. Daily summaries are kept. Reach it through {@link dev.agentstore.AgentStore#metricsRetention()} on the
 * root store. Thread-safe.
 */
public interface MetricsRetention extends MonthlyRetention {}

package dev.agentstore.postgres.internal.metrics;

import dev.agentstore.metrics.GenerationParameters;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.postgres.spi.BinaryCopy;
import java.io.IOException;

/**
 * An LLM metric as binary COPY fields, in the order of {@link #COLUMNS} (the columns of {@code llm_metrics} after
 * {@code tenant_id}).
 */
public final class LlmMetricTuple {
    /** How many fields {@link #write} writes. */
    public static final int FIELDS = 15;

    /** The columns {@link #write} fills, in order. */
    public static final String COLUMNS = "recorded_at, request_id, model, session_id, conversation_id, prompt_tokens,"
            + " completion_tokens, latency_ms, time_to_first_token_ms, cache_hit, success, error_type, temperature,"
            + " top_p, max_tokens";

    private LlmMetricTuple() {}

    /** Writes the metric's fields into the current row of {@code copy}. */
    public static void write(BinaryCopy copy, LlmRequestMetric m) throws IOException {
        GenerationParameters parameters = m.parameters();
        copy.timestamp(m.recordedAt())
                .uuid(m.requestId())
                .text(m.model())
                .uuid(m.sessionId())
                .uuid(m.conversationId())
                .int4(m.promptTokens())
                .int4(m.completionTokens())
                .int8(m.latencyMillis())
                .int8(m.timeToFirstTokenMillis())
                .bool(m.cacheHit())
                .bool(m.success())
                .text(m.errorType())
                .float8(parameters.temperature())
                .float8(parameters.topP())
                .nullableInt4(parameters.maxTokens());
    }
}

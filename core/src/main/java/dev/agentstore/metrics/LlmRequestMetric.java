package dev.agentstore.metrics;

import dev.agentstore.Limits;
import dev.agentstore.internal.Check;
import java.time.Instant;
import java.util.UUID;

/**
 * What one model request cost and how it went. Recording is idempotent on {@link #requestId()} and
 * {@link #recordedAt()}: recording the same metric again is ignored, so retries never count twice.
 *
 * @param requestId unique per request (use {@link dev.agentstore.spi.Ids#newId()} if the app has none)
 * @param recordedAt when the request finished
 * @param model the model's name
 * @param sessionId the chat session, or null
 * @param conversationId the conversation, or null
 * @param promptTokens tokens in
 * @param completionTokens tokens out
 * @param latencyMillis total generation time in milliseconds
 * @param timeToFirstTokenMillis time to the first streamed token, or null
 * @param cacheHit whether the response came from the response cache
 * @param success whether the request succeeded
 * @param errorType a short error class when it failed, or null
 * @param parameters the sampling parameters of the request; null is {@link GenerationParameters#DEFAULTS}
 */
public record LlmRequestMetric(
        UUID requestId,
        Instant recordedAt,
        String model,
        UUID sessionId,
        UUID conversationId,
        int promptTokens,
        int completionTokens,
        long latencyMillis,
        Long timeToFirstTokenMillis,
        boolean cacheHit,
        boolean success,
        String errorType,
        GenerationParameters parameters) {
    /** Checks every component. */
    public LlmRequestMetric {
        Check.id("metric.requestId", requestId);
        Check.time("metric.recordedAt", recordedAt);
        Check.name("metric.model", model);
        Check.range("metric.promptTokens", promptTokens, 0, Limits.MAX_TOKENS);
        Check.range("metric.completionTokens", completionTokens, 0, Limits.MAX_TOKENS);
        Check.range("metric.latencyMillis", latencyMillis, 0, 86_400_000L);
        if (timeToFirstTokenMillis != null) {
            Check.range("metric.timeToFirstTokenMillis", timeToFirstTokenMillis, 0, latencyMillis);
        }
        Check.optionalName("metric.errorType", errorType);
        parameters = parameters == null ? GenerationParameters.DEFAULTS : parameters;
    }

    /** A metric without sampling parameters. */
    public LlmRequestMetric(
            UUID requestId,
            Instant recordedAt,
            String model,
            UUID sessionId,
            UUID conversationId,
            int promptTokens,
            int completionTokens,
            long latencyMillis,
            Long timeToFirstTokenMillis,
            boolean cacheHit,
            boolean success,
            String errorType) {
        this(
                requestId,
                recordedAt,
                model,
                sessionId,
                conversationId,
                promptTokens,
                completionTokens,
                latencyMillis,
                timeToFirstTokenMillis,
                cacheHit,
                success,
                errorType,
                null);
    }

    /** A successful, uncached request outside any session. */
    public static LlmRequestMetric success(
            UUID requestId, Instant at, String model, int promptTokens, int completionTokens, long latencyMillis) {
        return new LlmRequestMetric(
                requestId,
                at,
                model,
                null,
                null,
                promptTokens,
                completionTokens,
                latencyMillis,
                null,
                false,
                true,
                null);
    }

    /** This metric within a session and conversation (either may be null). */
    public LlmRequestMetric inSession(UUID session, UUID conversation) {
        return with(session, conversation, cacheHit, success, errorType, parameters);
    }

    /** This metric marked as served from the cache (or not). */
    public LlmRequestMetric withCacheHit(boolean hit) {
        return with(sessionId, conversationId, hit, success, errorType, parameters);
    }

    /** This metric marked as failed with an error type. */
    public LlmRequestMetric failed(String error) {
        return with(sessionId, conversationId, cacheHit, false, error, parameters);
    }

    /** This metric with the sampling parameters the request was made with. */
    public LlmRequestMetric withParameters(GenerationParameters given) {
        return with(sessionId, conversationId, cacheHit, success, errorType, given);
    }

    /** This request's identity, time, model, tokens and latencies with the other components given. */
    private LlmRequestMetric with(
            UUID session, UUID conversation, boolean hit, boolean succeeded, String error, GenerationParameters given) {
        return new LlmRequestMetric(
                requestId,
                recordedAt,
                model,
                session,
                conversation,
                promptTokens,
                completionTokens,
                latencyMillis,
                timeToFirstTokenMillis,
                hit,
                succeeded,
                error,
                given);
    }

    /** Completion tokens per second of generation time, 0 when the latency is 0. */
    public double tokensPerSecond() {
        return latencyMillis == 0 ? 0 : completionTokens * 1000.0 / latencyMillis;
    }
}

package dev.agentstore.metrics;

import dev.agentstore.Limits;
import dev.agentstore.internal.Check;

/**
 * The sampling parameters a model request was made with (seed 000's {@code parameters}); each is null when the
 * request left it to the model's default.
 *
 * @param temperature sampling temperature, 0 to 10
 * @param topP nucleus sampling mass, 0 to 1
 * @param maxTokens the cap on generated tokens, 1 to {@link Limits#MAX_TOKENS}
 */
public record GenerationParameters(Double temperature, Double topP, Integer maxTokens) {
    /** No parameter given. */
    public static final GenerationParameters DEFAULTS = new GenerationParameters(null, null, null);

    /** Checks each parameter that is given. */
    public GenerationParameters {
        if (temperature != null) {
            Check.range("parameters.temperature", temperature, 0, 10);
        }
        if (topP != null) {
            Check.range("parameters.topP", topP, 0, 1);
        }
        if (maxTokens != null) {
            Check.range("parameters.maxTokens", maxTokens, 1, Limits.MAX_TOKENS);
        }
    }
}

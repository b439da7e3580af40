package dev.agentstore.model;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;

/**
 * Which models {@link ModelRepository#list} returns; every non-null component must match.
 *
 * @param format only this format, or null
 * @param minParameters only models with at least this many parameters, or null
 * @param maxParameters only models with at most this many parameters, or null
 * @param quantization only this quantization (exact, case-sensitive), or null
 * @param active only active (true) or inactive (false) models, or null for both
 */
public record ModelFilter(
        ModelFormat format, Long minParameters, Long maxParameters, String quantization, Boolean active) {
    /** Checks the bounds. */
    public ModelFilter {
        Check.optionalName("filter.quantization", quantization);
        if (minParameters != null && maxParameters != null && minParameters > maxParameters) {
            throw new InvalidInputException("filter.minParameters", "must not exceed filter.maxParameters");
        }
    }

    /** Matches every model. */
    public static ModelFilter all() {
        return new ModelFilter(null, null, null, null, null);
    }

    /** Matches active models only. */
    public static ModelFilter activeOnly() {
        return all().withActive(true);
    }

    /** This filter restricted to a format. */
    public ModelFilter withFormat(ModelFormat value) {
        return new ModelFilter(value, minParameters, maxParameters, quantization, active);
    }

    /** This filter restricted to a parameter range (either bound may be null). */
    public ModelFilter withParameters(Long min, Long max) {
        return new ModelFilter(format, min, max, quantization, active);
    }

    /** This filter restricted to a quantization. */
    public ModelFilter withQuantization(String value) {
        return new ModelFilter(format, minParameters, maxParameters, value, active);
    }

    /** This filter restricted by the active flag. */
    public ModelFilter withActive(Boolean value) {
        return new ModelFilter(format, minParameters, maxParameters, quantization, value);
    }

    /** Whether a model passes this filter. */
    public boolean matches(LlmModel model) {
        ModelSpec spec = model.spec();
        Long params = spec.parameterCount();
        return (format == null || format == spec.format())
                && (minParameters == null || params != null && params >= minParameters)
                && (maxParameters == null || params != null && params <= maxParameters)
                && (quantization == null || quantization.equals(spec.quantization()))
                && (active == null || active == model.active());
    }
}

package dev.agentstore.model;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;
import java.math.BigDecimal;

/**
 * What 1,000 tokens cost.
 *
 * @param inputPer1k price per 1,000 prompt tokens, zero or more
 * @param outputPer1k price per 1,000 completion tokens, zero or more
 * @param currency ISO 4217 code, e.g. {@code "USD"}
 */
public record ModelPricing(BigDecimal inputPer1k, BigDecimal outputPer1k, String currency) {
    /** Checks every component. */
    public ModelPricing {
        nonNegative("pricing.inputPer1k", inputPer1k);
        nonNegative("pricing.outputPer1k", outputPer1k);
        Check.name("pricing.currency", currency);
        if (!currency.matches("[A-Z]{3}")) {
            throw new InvalidInputException("pricing.currency", "must be a three-letter ISO 4217 code");
        }
    }

    /** Prices in US dollars. */
    public static ModelPricing usd(String inputPer1k, String outputPer1k) {
        return new ModelPricing(new BigDecimal(inputPer1k), new BigDecimal(outputPer1k), "USD");
    }

    /** The cost of a request with these token counts. */
    public BigDecimal cost(long promptTokens, long completionTokens) {
        return inputPer1k
                .multiply(BigDecimal.valueOf(promptTokens))
                .add(outputPer1k.multiply(BigDecimal.valueOf(completionTokens)))
                .movePointLeft(3);
    }

    private static void nonNegative(String field, BigDecimal value) {
        Check.present(field, value);
        if (value.signum() < 0) {
            throw new InvalidInputException(field, "must be zero or more, but was " + value);
        }
    }
}

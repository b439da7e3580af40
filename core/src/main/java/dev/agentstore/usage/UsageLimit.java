package dev.agentstore.usage;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;

/**
 * A quota: at most so many calls and/or tokens per window for one subject (the seed's {@code usage_limit}).
 *
 * @param subject whose calls count
 * @param period the window
 * @param maxRequests calls allowed per window, or null for no limit on calls
 * @param maxTokens tokens allowed per window, or null for no limit on tokens; at least one limit is required
 */
public record UsageLimit(UsageSubject subject, QuotaPeriod period, Long maxRequests, Long maxTokens) {
    /** Checks the components. */
    public UsageLimit {
        Check.present("limit.subject", subject);
        Check.present("limit.period", period);
        if (maxRequests == null && maxTokens == null) {
            throw new InvalidInputException("limit.maxRequests", "or limit.maxTokens is required, but both were null");
        }
        if (maxRequests != null) {
            Check.range("limit.maxRequests", maxRequests, 0, Long.MAX_VALUE / 2);
        }
        if (maxTokens != null) {
            Check.range("limit.maxTokens", maxTokens, 0, Long.MAX_VALUE / 2);
        }
    }

    /** At most {@code requests} calls per window. */
    public static UsageLimit requests(UsageSubject subject, QuotaPeriod period, long requests) {
        return new UsageLimit(subject, period, requests, null);
    }

    /** At most {@code tokens} tokens per window. */
    public static UsageLimit tokens(UsageSubject subject, QuotaPeriod period, long tokens) {
        return new UsageLimit(subject, period, null, tokens);
    }
}

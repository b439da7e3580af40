package dev.agentstore.run;

import dev.agentstore.internal.Check;

/**
 * The tokens a run used.
 *
 * @param promptTokens 0 or more
 * @param completionTokens 0 or more
 */
public record RunUsage(int promptTokens, int completionTokens) {
    /** Checks the counts. */
    public RunUsage {
        Check.range("usage.promptTokens", promptTokens, 0, Integer.MAX_VALUE);
        Check.range("usage.completionTokens", completionTokens, 0, Integer.MAX_VALUE);
    }

    /** No tokens. */
    public static RunUsage none() {
        return new RunUsage(0, 0);
    }
}

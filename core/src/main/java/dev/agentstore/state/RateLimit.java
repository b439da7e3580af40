package dev.agentstore.state;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;
import java.time.Duration;

/**
 * At most {@link #permits()} calls in any sliding {@link #window()}.
 *
 * @param permits 1 to 1,000,000
 * @param window 1 millisecond to 1 day
 */
public record RateLimit(int permits, Duration window) {
    /** Checks the components. */
    public RateLimit {
        Check.range("rateLimit.permits", permits, 1, 1_000_000);
        Check.present("rateLimit.window", window);
        if (window.toMillis() < 1 || window.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidInputException("rateLimit.window", "must be between 1 ms and 1 day, but was " + window);
        }
    }

    /** {@code permits} per {@code window}. */
    public static RateLimit of(int permits, Duration window) {
        return new RateLimit(permits, window);
    }
}

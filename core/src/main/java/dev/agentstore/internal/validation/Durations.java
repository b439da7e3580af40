package dev.agentstore.internal.validation;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;
import java.time.Duration;

/** Range checks for durations. */
public final class Durations {
    private Durations() {}

    public static Duration check(String field, Duration value, Duration min, Duration max) {
        Check.present(field, value);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max + ", but was " + value);
        }
        return value;
    }
}

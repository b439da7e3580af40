package dev.agentstore.metrics;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Width of the buckets of {@link MetricsRepository#usageOverTime}; buckets start on UTC boundaries. */
public enum TimeBucket {
    /** One minute. */
    MINUTE(ChronoUnit.MINUTES),
    /** One hour. */
    HOUR(ChronoUnit.HOURS),
    /** One UTC day. */
    DAY(ChronoUnit.DAYS);

    private final ChronoUnit unit;

    TimeBucket(ChronoUnit unit) {
        this.unit = unit;
    }

    /** The start of the bucket holding {@code time}. */
    public Instant floor(Instant time) {
        return time.truncatedTo(unit);
    }
}

package dev.agentstore.postgres.spi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as PostgreSQL stores them: microseconds, so what a write returns equals what a read finds. */
public final class Timestamps {
    private Timestamps() {}

    /** The clock's time to the microsecond. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

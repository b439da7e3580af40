package dev.agentstore.postgres.internal.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as PostgreSQL stores them: microseconds, so what a write returns equals what a read finds. */
final class Timestamps {
    private Timestamps() {}

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

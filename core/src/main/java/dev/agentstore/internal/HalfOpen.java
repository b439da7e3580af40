package dev.agentstore.internal;

import java.time.Instant;

/**
 * The half-open time range {@code [from, to)} every query of the SDK uses, so an instant on a boundary belongs
 * to exactly one of two adjacent ranges.
 */
public final class HalfOpen {
    private HalfOpen() {}

    /** Whether {@code at} lies in {@code [from, to)}. */
    public static boolean contains(Instant from, Instant to, Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}

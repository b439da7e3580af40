package dev.agentstore.spi;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered UUIDv7 ids (RFC 9562), made in Java so every backend orders them the same way. Ids made by
 * one JVM are strictly increasing, even within one millisecond.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {}

    /** A new id stamped with the system clock. */
    public static UUID newId() {
        return newId(Clock.systemUTC());
    }

    /** A new id stamped with {@code clock}'s time (but never going backwards within this JVM). */
    public static UUID newId(Clock clock) {
        // 48 bits of milliseconds then a 12-bit counter in rand_a keep ids monotonic within one millisecond.
        long now = clock.millis() << 12;
        long stamp = LAST.updateAndGet(last -> Math.max(last + 1, now));
        long millis = stamp >>> 12;
        long counter = stamp & 0xFFF;
        long msb = (millis << 16) | 0x7000L | counter;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}

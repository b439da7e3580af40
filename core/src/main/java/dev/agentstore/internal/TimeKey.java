package dev.agentstore.internal;

import dev.agentstore.InvalidInputException;
import java.time.Instant;
import java.util.Comparator;

/**
 * A keyset position in time-ordered rows: the row's timestamp and a tie-breaker that is unique among rows of the
 * same timestamp (a request id, a serial). Every backend pages time series through this cursor format.
 */
public record TimeKey(Instant at, String tieBreaker) implements Comparable<TimeKey> {
    private static final Comparator<TimeKey> ORDER =
            Comparator.comparing(TimeKey::at).thenComparing(TimeKey::tieBreaker);

    /** The opaque cursor for this position. */
    public String cursor() {
        return Cursors.encode(at.getEpochSecond() + ":" + at.getNano() + ":" + tieBreaker);
    }

    /** The position in a cursor made by {@link #cursor()}. */
    public static TimeKey fromCursor(String cursor) {
        String[] parts = Cursors.decode(cursor).split(":", 3);
        try {
            if (parts.length != 3) {
                throw new NumberFormatException();
            }
            return new TimeKey(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), parts[2]);
        } catch (RuntimeException e) {
            throw new InvalidInputException("page.cursor", "is not a cursor returned by this listing");
        }
    }

    @Override
    public int compareTo(TimeKey other) {
        return ORDER.compare(this, other);
    }
}

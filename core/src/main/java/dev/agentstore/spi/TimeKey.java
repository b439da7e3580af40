package dev.agentstore.spi;

import dev.agentstore.InvalidInputException;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * A keyset position in time-ordered rows: the row's timestamp and a tie-breaker that is unique among rows of the
 * same timestamp (a request id, a serial). Every backend pages time series through this cursor format.
 */
public record TimeKey(Instant at, String tieBreaker) implements Comparable<TimeKey> {
    private static final Comparator<TimeKey> ORDER =
            Comparator.comparing(TimeKey::at).thenComparing(TimeKey::tieBreaker);

    /** A position whose tie-breaker is a serial number, zero-padded so that text order is number order. */
    public static TimeKey ofSerial(Instant at, long serial) {
        return new TimeKey(at, String.format("%019d", serial));
    }

    /** The serial of a position made by {@link #ofSerial}. */
    public long serial() {
        try {
            return Long.parseLong(tieBreaker);
        } catch (NumberFormatException e) {
            throw notACursor();
        }
    }

    /** A position whose tie-breaker is an id (lowercase hex text orders as the id's bytes do in SQL). */
    public static TimeKey ofId(Instant at, UUID id) {
        return new TimeKey(at, id.toString());
    }

    /** The id of a position made by {@link #ofId}. */
    public UUID id() {
        try {
            return UUID.fromString(tieBreaker);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
    }

    /** The opaque cursor for this position. */
    public String cursor() {
        return Cursors.encode(position());
    }

    /** The position before encoding, as {@link Pages#of} takes it. */
    public String position() {
        return at.getEpochSecond() + ":" + at.getNano() + ":" + tieBreaker;
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
            throw notACursor();
        }
    }

    private static InvalidInputException notACursor() {
        return new InvalidInputException("page.cursor", "is not a cursor returned by this listing");
    }

    @Override
    public int compareTo(TimeKey other) {
        return ORDER.compare(this, other);
    }
}

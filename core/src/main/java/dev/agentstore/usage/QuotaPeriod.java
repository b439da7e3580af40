package dev.agentstore.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The window a quota counts over; windows start on UTC boundaries. */
public enum QuotaPeriod {
    /** One UTC day. */
    DAY,
    /** One UTC calendar month. */
    MONTH;

    /** The start of the window holding {@code time}. */
    public Instant start(Instant time) {
        LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
        LocalDate first = this == DAY ? day : day.withDayOfMonth(1);
        return first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The end (exclusive) of the window holding {@code time}: when the quota resets. */
    public Instant end(Instant time) {
        LocalDate start = LocalDate.ofInstant(start(time), ZoneOffset.UTC);
        return (this == DAY ? start.plusDays(1) : start.plusMonths(1))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }
}

package dev.agentstore.memory;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/** Retention in memory as PostgreSQL does it with monthly partitions: whole UTC months before a cutoff's month. */
final class MonthlyDrop {
    private final Instant boundary;
    private final SortedSet<YearMonth> dropped = new TreeSet<>();

    /** A drop of every month that ended at or before {@code cutoff}. */
    MonthlyDrop(Instant cutoff) {
        this.boundary = YearMonth.from(cutoff.atOffset(ZoneOffset.UTC))
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    /** Removes the rows of dropped months from {@code rows} (the caller holds their lock). */
    <T> MonthlyDrop from(Collection<T> rows, Function<T, Instant> time) {
        rows.removeIf(row -> {
            Instant at = time.apply(row);
            if (!at.isBefore(boundary)) {
                return false;
            }
            dropped.add(YearMonth.from(at.atOffset(ZoneOffset.UTC)));
            return true;
        });
        return this;
    }

    /** The months that held removed rows. */
    SortedSet<YearMonth> months() {
        return dropped;
    }
}

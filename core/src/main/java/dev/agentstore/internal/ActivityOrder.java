package dev.agentstore.internal;

import dev.agentstore.metrics.DailyActivity;
import java.util.Comparator;
import java.util.UUID;

/**
 * The order every backend returns daily activity rows in: dimension, day, then subject, the row without a subject
 * (conversations without an agent) first and ids compared as their text, which is PostgreSQL's uuid order too.
 */
public final class ActivityOrder {
    /** Dimension, day, subject. */
    public static final Comparator<DailyActivity> ROWS = Comparator.comparing(DailyActivity::dimension)
            .thenComparing(DailyActivity::day)
            .thenComparing(DailyActivity::subjectId, Comparator.nullsFirst(Comparator.comparing(UUID::toString)));

    private ActivityOrder() {}
}

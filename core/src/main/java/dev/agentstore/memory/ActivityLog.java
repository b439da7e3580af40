package dev.agentstore.memory;

import dev.agentstore.metrics.ActivityDimension;
import dev.agentstore.metrics.DailyActivity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** The stored daily activity rows of one tenant, by day; a day's rows are replaced whole. Thread-safe. */
final class ActivityLog {
    private final Map<LocalDate, List<DailyActivity>> byDay = new HashMap<>();

    synchronized void replace(LocalDate day, List<DailyActivity> rows) {
        byDay.put(day, new ArrayList<>(rows));
    }

    /** The rows of days in {@code [from, to]} matching {@code which}, in {@link DailyActivity#ORDER}. */
    synchronized List<DailyActivity> read(Predicate<DailyActivity> which, LocalDate from, LocalDate to) {
        return byDay.entrySet().stream()
                .filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                .flatMap(e -> e.getValue().stream())
                .filter(which)
                .sorted(DailyActivity.ORDER)
                .toList();
    }

    /** Forgets an erased user's rows, as PostgreSQL's erase does. */
    synchronized void forgetUser(UUID userId) {
        byDay.values()
                .forEach(rows ->
                        rows.removeIf(r -> r.dimension() == ActivityDimension.USER && userId.equals(r.subjectId())));
    }
}

package dev.agentstore.memory;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The entries of one tenant's log in memory (the error log, the audit log), keyed by their time-ordered ids: added,
 * found, listed newest first and dropped by month, as PostgreSQL's partitioned tables are.
 *
 * @param <T> the entry type
 */
final class EntryLog<T> {
    private final Function<T, UUID> id;
    private final Function<T, Instant> time;
    private final Map<UUID, T> entries = new LinkedHashMap<>();

    EntryLog(Function<T, UUID> id, Function<T, Instant> time) {
        this.id = id;
        this.time = time;
    }

    synchronized T add(T entry) {
        entries.put(id.apply(entry), entry);
        return entry;
    }

    synchronized Optional<T> find(UUID entryId) {
        return Optional.ofNullable(entries.get(entryId));
    }

    synchronized Page<T> page(Predicate<T> matching, PageRequest page) {
        return NewestFirst.page(entries.values(), matching, id, page);
    }

    synchronized List<T> matching(Predicate<T> matching) {
        return entries.values().stream().filter(matching).toList();
    }

    synchronized SortedSet<YearMonth> dropMonthsBefore(Instant cutoff) {
        return new MonthlyDrop(cutoff).from(entries.values(), time).months();
    }
}

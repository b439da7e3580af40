package dev.agentstore.memory;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.errorlog.ErrorEntry;
import dev.agentstore.errorlog.ErrorLogRepository;
import dev.agentstore.errorlog.ErrorQuery;
import dev.agentstore.errorlog.NewError;
import dev.agentstore.spi.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.UUID;

/** The error log of one tenant in memory. */
final class InMemoryErrorLog implements ErrorLogRepository {
    private final Clock clock;
    private final Map<UUID, ErrorEntry> entries = new LinkedHashMap<>();

    InMemoryErrorLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized ErrorEntry log(NewError error) {
        ErrorEntry entry = new ErrorEntry(
                Ids.newId(clock),
                clock.instant(),
                error.service(),
                error.errorType(),
                error.message(),
                error.stackTrace(),
                error.details(),
                error.agentId());
        entries.put(entry.id(), entry);
        return entry;
    }

    @Override
    public synchronized Optional<ErrorEntry> find(UUID entryId) {
        return Optional.ofNullable(entries.get(entryId));
    }

    @Override
    public synchronized Page<ErrorEntry> list(ErrorQuery query, PageRequest page) {
        return NewestFirst.page(entries.values(), query::matches, ErrorEntry::id, page);
    }

    @Override
    public synchronized SortedMap<LocalDate, SortedMap<String, Long>> countsByDay(ErrorQuery query) {
        SortedMap<LocalDate, SortedMap<String, Long>> counts = new TreeMap<>();
        entries.values().stream()
                .filter(query::matches)
                .forEach(e -> counts.computeIfAbsent(
                                LocalDate.ofInstant(e.occurredAt(), ZoneOffset.UTC), day -> new TreeMap<>())
                        .merge(e.errorType(), 1L, Long::sum));
        return counts;
    }

    /** Drops the entries of every UTC month that ended at or before {@code cutoff}; returns those months. */
    synchronized SortedSet<YearMonth> dropMonthsBefore(Instant cutoff) {
        return new MonthlyDrop(cutoff)
                .from(entries.values(), ErrorEntry::occurredAt)
                .months();
    }
}

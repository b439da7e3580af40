package dev.agentstore.memory;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.errorlog.ErrorEntry;
import dev.agentstore.errorlog.ErrorLogRepository;
import dev.agentstore.errorlog.ErrorQuery;
import dev.agentstore.errorlog.NewError;
import dev.agentstore.spi.Ids;
import dev.agentstore.spi.LoggedEntries;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.UUID;

/** The error log of one tenant in memory. */
final class InMemoryErrorLog implements ErrorLogRepository {
    private final Clock clock;
    private final EntryLog<ErrorEntry> entries = new EntryLog<>(ErrorEntry::id, ErrorEntry::occurredAt);

    InMemoryErrorLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ErrorEntry log(NewError error) {
        return entries.add(LoggedEntries.error(error, Ids.newId(clock), clock.instant()));
    }

    @Override
    public Optional<ErrorEntry> find(UUID entryId) {
        return entries.find(entryId);
    }

    @Override
    public Page<ErrorEntry> list(ErrorQuery query, PageRequest page) {
        return entries.page(query::matches, page);
    }

    @Override
    public SortedMap<LocalDate, SortedMap<String, Long>> countsByDay(ErrorQuery query) {
        SortedMap<LocalDate, SortedMap<String, Long>> counts = new TreeMap<>();
        entries.matching(query::matches)
                .forEach(e -> counts.computeIfAbsent(
                                LocalDate.ofInstant(e.occurredAt(), ZoneOffset.UTC), day -> new TreeMap<>())
                        .merge(e.errorType(), 1L, Long::sum));
        return counts;
    }

    /** Drops the entries of every UTC month that ended at or before {@code cutoff}; returns those months. */
    SortedSet<YearMonth> dropMonthsBefore(Instant cutoff) {
        return entries.dropMonthsBefore(cutoff);
    }
}

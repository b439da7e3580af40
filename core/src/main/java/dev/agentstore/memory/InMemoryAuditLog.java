package dev.agentstore.memory;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.audit.AuditEntry;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.audit.AuditQuery;
import dev.agentstore.audit.NewAuditEntry;
import dev.agentstore.spi.Ids;
import dev.agentstore.spi.LoggedEntries;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.SortedSet;
import java.util.UUID;

/** The audit log of one tenant in memory: appended to, listed, and dropped only by month. */
final class InMemoryAuditLog implements AuditLog {
    private final Clock clock;
    private final EntryLog<AuditEntry> entries = new EntryLog<>(AuditEntry::id, AuditEntry::occurredAt);

    InMemoryAuditLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public AuditEntry append(NewAuditEntry entry) {
        return entries.add(LoggedEntries.audit(entry, Ids.newId(clock), clock.instant()));
    }

    @Override
    public Optional<AuditEntry> find(UUID entryId) {
        return entries.find(entryId);
    }

    @Override
    public Page<AuditEntry> list(AuditQuery query, PageRequest page) {
        return entries.page(query::matches, page);
    }

    /** Drops the entries of every UTC month that ended at or before {@code cutoff}; returns those months. */
    SortedSet<YearMonth> dropMonthsBefore(Instant cutoff) {
        return entries.dropMonthsBefore(cutoff);
    }
}

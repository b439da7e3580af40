package dev.agentstore.memory;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.audit.AuditEntry;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.audit.AuditQuery;
import dev.agentstore.audit.NewAuditEntry;
import dev.agentstore.spi.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.UUID;

/** The audit log of one tenant in memory: appended to, listed, and dropped only by month. */
final class InMemoryAuditLog implements AuditLog {
    private final Clock clock;
    private final Map<UUID, AuditEntry> entries = new LinkedHashMap<>();

    InMemoryAuditLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized AuditEntry append(NewAuditEntry entry) {
        AuditEntry appended = new AuditEntry(
                Ids.newId(clock),
                clock.instant(),
                entry.actorId(),
                entry.action(),
                entry.resourceType(),
                entry.resourceId(),
                entry.ipAddress(),
                entry.userAgent(),
                entry.requestId(),
                entry.details());
        entries.put(appended.id(), appended);
        return appended;
    }

    @Override
    public synchronized Optional<AuditEntry> find(UUID entryId) {
        return Optional.ofNullable(entries.get(entryId));
    }

    @Override
    public synchronized Page<AuditEntry> list(AuditQuery query, PageRequest page) {
        return NewestFirst.page(entries.values(), query::matches, AuditEntry::id, page);
    }

    /** Drops the entries of every UTC month that ended at or before {@code cutoff}; returns those months. */
    synchronized SortedSet<YearMonth> dropMonthsBefore(Instant cutoff) {
        return new MonthlyDrop(cutoff)
                .from(entries.values(), AuditEntry::occurredAt)
                .months();
    }
}

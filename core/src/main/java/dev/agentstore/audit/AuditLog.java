package dev.agentstore.audit;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit log of one tenant: append-only. Thread-safe. There is no update or delete; entries leave only when the
 * store's {@link dev.agentstore.AgentStore#auditLogRetention() retention} drops their UTC month. Erasing a user
 * keeps the entries naming them: the log is the record of such operations, the erase included.
 */
public interface AuditLog {

    /** Appends an entry at the store's current time. */
    AuditEntry append(NewAuditEntry entry);

    /** One entry. */
    Optional<AuditEntry> find(UUID entryId);

    /** Entries matching {@code query}, newest first, keyset-paged. */
    Page<AuditEntry> list(AuditQuery query, PageRequest page);
}

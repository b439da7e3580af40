package dev.agentstore.spi;

import dev.agentstore.audit.AuditEntry;
import dev.agentstore.audit.NewAuditEntry;
import dev.agentstore.errorlog.ErrorEntry;
import dev.agentstore.errorlog.NewError;
import java.time.Instant;
import java.util.UUID;

/** The entries the error and audit logs store, once a backend has given them an id and a time. */
public final class LoggedEntries {
    private LoggedEntries() {}

    /** {@code error} as logged under {@code id} at {@code at}. */
    public static ErrorEntry error(NewError error, UUID id, Instant at) {
        return new ErrorEntry(
                id,
                at,
                error.service(),
                error.errorType(),
                error.message(),
                error.stackTrace(),
                error.details(),
                error.agentId());
    }

    /** {@code entry} as appended under {@code id} at {@code at}. */
    public static AuditEntry audit(NewAuditEntry entry, UUID id, Instant at) {
        return new AuditEntry(
                id,
                at,
                entry.actorId(),
                entry.action(),
                entry.resourceType(),
                entry.resourceId(),
                entry.ipAddress(),
                entry.userAgent(),
                entry.requestId(),
                entry.details());
    }
}

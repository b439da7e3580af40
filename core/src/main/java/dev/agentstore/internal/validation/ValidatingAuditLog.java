package dev.agentstore.internal.validation;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.audit.AuditEntry;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.audit.AuditQuery;
import dev.agentstore.audit.NewAuditEntry;
import dev.agentstore.internal.Check;
import java.util.Optional;
import java.util.UUID;

/** Checks every argument before the backend sees it. */
public final class ValidatingAuditLog implements AuditLog {
    private final AuditLog backend;

    public ValidatingAuditLog(AuditLog backend) {
        this.backend = backend;
    }

    @Override
    public AuditEntry append(NewAuditEntry entry) {
        return backend.append(Check.present("entry", entry));
    }

    @Override
    public Optional<AuditEntry> find(UUID entryId) {
        return backend.find(Check.id("entryId", entryId));
    }

    @Override
    public Page<AuditEntry> list(AuditQuery query, PageRequest page) {
        return backend.list(Check.present("query", query), Check.present("page", page));
    }
}

package dev.agentstore.internal.validation;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.audit.AuditEntry;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.audit.AuditQuery;
import dev.agentstore.audit.NewAuditEntry;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.OpenGuard;
import java.util.Optional;
import java.util.UUID;

/** Checks every argument before the backend sees it. */
public final class ValidatingAuditLog implements AuditLog {
    private final OpenGuard open;
    private final AuditLog backend;

    public ValidatingAuditLog(OpenGuard open, AuditLog backend) {
        this.open = open;
        this.backend = backend;
    }

    @Override
    public AuditEntry append(NewAuditEntry entry) {
        open.check();
        return backend.append(Check.present("entry", entry));
    }

    @Override
    public Optional<AuditEntry> find(UUID entryId) {
        open.check();
        return backend.find(Check.id("entryId", entryId));
    }

    @Override
    public Page<AuditEntry> list(AuditQuery query, PageRequest page) {
        open.check();
        return backend.list(Check.present("query", query), Check.present("page", page));
    }
}

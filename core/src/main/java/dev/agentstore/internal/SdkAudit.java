package dev.agentstore.internal;

import dev.agentstore.audit.AuditLog;
import dev.agentstore.audit.NewAuditEntry;
import dev.agentstore.audit.UnauditedOperationException;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Appends the audit entries of the SDK's own security-relevant operations (see
 * {@link dev.agentstore.audit.AuditActions}), after the operation succeeded. If the entry cannot be written the
 * caller gets an {@link UnauditedOperationException}, which says the operation itself went through, so a retry is a
 * decision, not a reflex.
 */
public final class SdkAudit {
    private final Supplier<AuditLog> log;

    /** Entries go to the log {@code log} supplies when one is first written. */
    public SdkAudit(Supplier<AuditLog> log) {
        this.log = log;
    }

    /** Appends that {@code actorId} (null: the system) did {@code action} to a resource. */
    public void record(UUID actorId, String action, String resourceType, UUID resourceId) {
        try {
            log.get().append(NewAuditEntry.of(actorId, action, resourceType, resourceId.toString()));
        } catch (RuntimeException e) {
            throw new UnauditedOperationException(action, resourceType, resourceId.toString(), e);
        }
    }
}

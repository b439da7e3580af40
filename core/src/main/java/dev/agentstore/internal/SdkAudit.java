package dev.agentstore.internal;

import dev.agentstore.StoreUnavailableException;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.audit.NewAuditEntry;
import java.util.UUID;

/**
 * Appends the audit entries of the SDK's own security-relevant operations (see
 * {@link dev.agentstore.audit.AuditActions}), after the operation succeeded. If the entry cannot be written the
 * caller gets a {@link StoreUnavailableException} that says the operation itself went through, so a retry is a
 * decision, not a reflex.
 */
public final class SdkAudit {
    private final AuditLog log;

    public SdkAudit(AuditLog log) {
        this.log = log;
    }

    /** Appends that {@code actorId} (null: the system) did {@code action} to a resource. */
    public void record(UUID actorId, String action, String resourceType, UUID resourceId) {
        try {
            log.append(NewAuditEntry.of(actorId, action, resourceType, resourceId.toString()));
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(
                    action + " of " + resourceType + " " + resourceId
                            + " was done, but its audit entry was not written",
                    e);
        }
    }
}

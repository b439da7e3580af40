package dev.agentstore.audit;

import dev.agentstore.AgentStoreException;
import java.util.Objects;

/**
 * Thrown when an operation the SDK audits itself (see {@link AuditActions}) was applied, but its audit entry could not
 * be written afterwards (the audit log's backend failed). Unlike every other exception here, the call did change
 * the store: a retry would repeat the operation. The cause is the audit log's failure; {@link #action()}, {@link
 * #resourceType()} and {@link #resourceId()} name what went unaudited, so an application can record it elsewhere.
 */
public class UnauditedOperationException extends AgentStoreException {
    private static final long serialVersionUID = 1L;

    private final String action;
    private final String resourceType;
    private final String resourceId;

    /** Creates the exception for {@code action} on a resource, keeping the audit log's failure as the cause. */
    public UnauditedOperationException(String action, String resourceType, String resourceId, Throwable cause) {
        super(
                Objects.requireNonNull(action, "action") + " of " + resourceType + " " + resourceId
                        + " was applied, but its audit entry was not written",
                cause);
        this.action = action;
        this.resourceType = resourceType;
        this.resourceId = resourceId;
    }

    /** The audit action that was not recorded, e.g. {@code credential.created}. */
    public String action() {
        return action;
    }

    /** The kind of resource acted on, e.g. {@code credential}. */
    public String resourceType() {
        return resourceType;
    }

    /** The id of the resource acted on. */
    public String resourceId() {
        return resourceId;
    }
}

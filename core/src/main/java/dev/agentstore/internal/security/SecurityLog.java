package dev.agentstore.internal.security;

import dev.agentstore.audit.AuditActions;
import dev.agentstore.internal.SdkAudit;
import dev.agentstore.security.SecurityEvent;
import dev.agentstore.security.SecurityEventType;
import java.util.Map;
import java.util.UUID;

/**
 * Records the events the security rules raise, and for the operations that change a credential or an API key
 * also their audit entry.
 */
final class SecurityLog {
    /** The audit action of each event type that marks a change of a credential or key. */
    private static final Map<SecurityEventType, String> AUDITED = Map.of(
            SecurityEventType.CREDENTIAL_CREATED, AuditActions.CREDENTIAL_CREATED,
            SecurityEventType.PASSWORD_CHANGED, AuditActions.PASSWORD_CHANGED,
            SecurityEventType.PASSWORD_RESET_COMPLETED, AuditActions.PASSWORD_RESET,
            SecurityEventType.ACCOUNT_UNLOCKED, AuditActions.CREDENTIAL_UNLOCKED,
            SecurityEventType.TOTP_ENABLED, AuditActions.TOTP_ENABLED,
            SecurityEventType.TOTP_DISABLED, AuditActions.TOTP_DISABLED,
            SecurityEventType.API_KEY_CREATED, AuditActions.API_KEY_CREATED,
            SecurityEventType.API_KEY_REVOKED, AuditActions.API_KEY_REVOKED);

    private final SecurityContext ctx;
    private final SdkAudit audit;

    SecurityLog(SecurityContext ctx, SdkAudit audit) {
        this.ctx = ctx;
        this.audit = audit;
    }

    /** Records an event the rules raise; a change of a credential or key is audited too. */
    SecurityEvent record(SecurityEventType type, UUID credentialId, String severity, Map<String, ?> details) {
        SecurityEvent event = recordForApp(type, credentialId, severity, details);
        String action = AUDITED.get(type);
        if (action != null) {
            Object keyId = details.get("keyId");
            boolean key = keyId != null;
            audit.record(
                    type == SecurityEventType.ACCOUNT_UNLOCKED ? null : credentialId,
                    action,
                    key ? AuditActions.API_KEY : AuditActions.CREDENTIAL,
                    key ? UUID.fromString(keyId.toString()) : credentialId);
        }
        return event;
    }

    /** Records an event an app reports: the security log only, never the audit log. */
    SecurityEvent recordForApp(SecurityEventType type, UUID credentialId, String severity, Map<String, ?> details) {
        @SuppressWarnings("unchecked")
        SecurityEvent event =
                new SecurityEvent(ctx.newId(), type, credentialId, severity, (Map<String, Object>) details, ctx.now());
        ctx.store().insertEvent(event);
        return event;
    }
}

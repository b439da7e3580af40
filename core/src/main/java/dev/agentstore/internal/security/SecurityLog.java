package dev.agentstore.internal.security;

import dev.agentstore.security.SecurityEvent;
import dev.agentstore.security.SecurityEventType;
import java.util.Map;
import java.util.UUID;

/** Records the events the security rules raise. */
final class SecurityLog {
    private final SecurityContext ctx;

    SecurityLog(SecurityContext ctx) {
        this.ctx = ctx;
    }

    SecurityEvent record(SecurityEventType type, UUID credentialId, String severity, Map<String, ?> details) {
        @SuppressWarnings("unchecked")
        SecurityEvent event =
                new SecurityEvent(ctx.newId(), type, credentialId, severity, (Map<String, Object>) details, ctx.now());
        ctx.store().insertEvent(event);
        return event;
    }
}

package dev.agentstore.errorlog;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A logged error.
 *
 * @param id its id (time-ordered)
 * @param occurredAt when it was logged, by the store's clock
 * @param service the service that met it
 * @param errorType its class
 * @param message what happened
 * @param stackTrace the stack trace, or null
 * @param details structured details
 * @param agentId the agent it happened under, or null
 */
public record ErrorEntry(
        UUID id,
        Instant occurredAt,
        String service,
        String errorType,
        String message,
        String stackTrace,
        Map<String, Object> details,
        UUID agentId) {}

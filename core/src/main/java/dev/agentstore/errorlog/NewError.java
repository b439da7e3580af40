package dev.agentstore.errorlog;

import dev.agentstore.Limits;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.UUID;

/**
 * An error to log.
 *
 * @param service the service or component that met it, e.g. {@code chat-api}
 * @param errorType a short class of error, e.g. {@code TimeoutException}
 * @param message what happened
 * @param stackTrace the stack trace, or null
 * @param details structured details (JSON-like values)
 * @param agentId the agent it happened under, or null; not checked, as entries outlive their agent
 */
public record NewError(
        String service,
        String errorType,
        String message,
        String stackTrace,
        Map<String, Object> details,
        UUID agentId) {
    /** Checks and copies the components. */
    public NewError {
        Check.name("error.service", service);
        Check.name("error.errorType", errorType);
        Check.text("error.message", message, Limits.MAX_METADATA_STRING_CHARS);
        Check.optionalText("error.stackTrace", stackTrace, Limits.MAX_TEXT_CHARS);
        details = Metadata.copyOf("error.details", details);
    }

    /** An error with a message only. */
    public static NewError of(String service, String errorType, String message) {
        return new NewError(service, errorType, message, null, Map.of(), null);
    }

    /**
     * An error from a throwable: its simple class name, its message (or its class name) and its stack trace, each
     * cut to the limits, NUL characters removed.
     */
    public static NewError from(String service, Throwable error) {
        Check.present("error", error);
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String text = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
        return new NewError(
                service,
                error.getClass().getSimpleName(),
                clip(text, Limits.MAX_METADATA_STRING_CHARS),
                clip(trace.toString(), Limits.MAX_TEXT_CHARS),
                Map.of(),
                null);
    }

    /** This error with structured details. */
    public NewError withDetails(Map<String, ?> values) {
        return new NewError(service, errorType, message, stackTrace, Metadata.copyOf("error.details", values), agentId);
    }

    /** This error linked to an agent. */
    public NewError underAgent(UUID agent) {
        return new NewError(service, errorType, message, stackTrace, details, Check.id("error.agentId", agent));
    }

    private static String clip(String text, int maxChars) {
        String clean = text.replace("\0", "");
        if (clean.length() <= maxChars) {
            return clean;
        }
        int end = Character.isHighSurrogate(clean.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return clean.substring(0, end);
    }
}

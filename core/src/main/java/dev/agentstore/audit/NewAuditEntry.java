package dev.agentstore.audit;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Limits;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An entry to append to the audit log.
 *
 * @param actorId who did it (a user or credential id), or null for the system itself
 * @param action what was done, e.g. {@code document.deleted}; the SDK's own are in {@link AuditActions}
 * @param resourceType the kind of resource acted on, e.g. {@code document}
 * @param resourceId the resource's id, or null
 * @param ipAddress the client's IP address (an IPv4 or IPv6 literal), or null
 * @param userAgent the client's user agent, or null
 * @param requestId the request it happened in, or null
 * @param details structured details (JSON-like values; never put secrets here)
 */
public record NewAuditEntry(
        UUID actorId,
        String action,
        String resourceType,
        String resourceId,
        String ipAddress,
        String userAgent,
        String requestId,
        Map<String, Object> details) {
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** Checks and copies the components. */
    public NewAuditEntry {
        Check.name("audit.action", action);
        Check.name("audit.resourceType", resourceType);
        Check.optionalName("audit.resourceId", resourceId);
        if (ipAddress != null && !isIpLiteral(ipAddress)) {
            throw new InvalidInputException("audit.ipAddress", "must be an IPv4 or IPv6 address literal");
        }
        Check.optionalText("audit.userAgent", userAgent, Limits.MAX_NAME_CHARS * 4);
        Check.optionalName("audit.requestId", requestId);
        details = Metadata.copyOf("audit.details", details);
    }

    /**
     * Whether {@code text} is a dotted-quad IPv4 or an IPv6 literal. Text with a colon is parsed as an IPv6 literal
     * by {@link InetAddress}, which never resolves it; anything else must be four decimal octets.
     */
    private static boolean isIpLiteral(String text) {
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!text.contains(":") || !IPV6_CHARS.matcher(text).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(text); // IPv4-mapped literals come back as Inet4Address
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** An entry with what was done to what, by whom (null: the system). */
    public static NewAuditEntry of(UUID actorId, String action, String resourceType, String resourceId) {
        return new NewAuditEntry(actorId, action, resourceType, resourceId, null, null, null, Map.of());
    }

    /** This entry with the client's address and user agent (either may be null). */
    public NewAuditEntry from(String ip, String agent) {
        return new NewAuditEntry(actorId, action, resourceType, resourceId, ip, agent, requestId, details);
    }

    /** This entry within a request. */
    public NewAuditEntry inRequest(String request) {
        return new NewAuditEntry(
                actorId,
                action,
                resourceType,
                resourceId,
                ipAddress,
                userAgent,
                Check.name("audit.requestId", request),
                details);
    }

    /** This entry with structured details. */
    public NewAuditEntry withDetails(Map<String, ?> values) {
        return new NewAuditEntry(
                actorId,
                action,
                resourceType,
                resourceId,
                ipAddress,
                userAgent,
                requestId,
                Metadata.copyOf("audit.details", values));
    }
}

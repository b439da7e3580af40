package dev.agentstore.security;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded password check.
 *
 * @param id its id
 * @param username the username tried (as typed)
 * @param credentialId the matching account, or null for an unknown username
 * @param status the outcome
 * @param ipAddress the client address, or null
 * @param userAgent the client's user agent, or null
 * @param attemptedAt when
 */
public record LoginAttempt(
        UUID id,
        String username,
        UUID credentialId,
        LoginStatus status,
        String ipAddress,
        String userAgent,
        Instant attemptedAt) {}

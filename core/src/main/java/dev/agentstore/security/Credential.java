package dev.agentstore.security;

import java.time.Instant;
import java.util.UUID;

/**
 * An account as callers see it: never its hash or TOTP secret.
 *
 * @param id its id
 * @param username the username as given at creation
 * @param email the email address
 * @param totpEnabled whether a confirmed TOTP second factor is required at login
 * @param failedAttempts consecutive failed checks (passwords and TOTP codes) since the last complete login
 * @param lockedUntil until when logins are refused, {@link #UNTIL_UNLOCKED} for a lock that only {@link
 *     SecurityRepository#unlock} or a password reset lifts, or null
 * @param passwordChangedAt when the password was last set
 * @param lastLoginAt the last successful login, or null
 * @param createdAt when the account was created
 * @param userId the user the account belongs to, or null
 */
public record Credential(
        UUID id,
        String username,
        String email,
        boolean totpEnabled,
        int failedAttempts,
        Instant lockedUntil,
        Instant passwordChangedAt,
        Instant lastLoginAt,
        Instant createdAt,
        UUID userId) {

    /** The {@link #lockedUntil} of an account locked until it is unlocked or its password is reset. */
    public static final Instant UNTIL_UNLOCKED = Instant.parse("9999-12-31T23:59:59Z");

    /** Whether logins are refused at {@code now}. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}

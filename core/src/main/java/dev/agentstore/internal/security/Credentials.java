package dev.agentstore.internal.security;

import dev.agentstore.security.Credential;
import java.time.Instant;

/** Copies of a {@link Credential} with some fields changed. */
final class Credentials {
    private Credentials() {}

    static Credential withFailures(Credential c, int failures, Instant lockedUntil) {
        return new Credential(
                c.id(),
                c.username(),
                c.email(),
                c.totpEnabled(),
                failures,
                lockedUntil,
                c.passwordChangedAt(),
                c.lastLoginAt(),
                c.createdAt(),
                c.userId());
    }

    static Credential withLastLogin(Credential c, Instant at) {
        return new Credential(
                c.id(),
                c.username(),
                c.email(),
                c.totpEnabled(),
                c.failedAttempts(),
                c.lockedUntil(),
                c.passwordChangedAt(),
                at,
                c.createdAt(),
                c.userId());
    }

    static Credential withTotp(Credential c, boolean enabled) {
        return new Credential(
                c.id(),
                c.username(),
                c.email(),
                enabled,
                c.failedAttempts(),
                c.lockedUntil(),
                c.passwordChangedAt(),
                c.lastLoginAt(),
                c.createdAt(),
                c.userId());
    }
}

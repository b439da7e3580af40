package dev.agentstore.security;

import java.time.Instant;

/**
 * The result of {@link SecurityRepository#verifyPassword}.
 *
 * @param status what happened
 * @param credential the account on {@link LoginStatus#SUCCESS} and {@link LoginStatus#SECOND_FACTOR_REQUIRED},
 *     null otherwise (so a caller cannot tell unknown users from wrong passwords)
 * @param retryAfter when a {@link LoginStatus#LOCKED} account may try again, null otherwise
 */
public record LoginResult(LoginStatus status, Credential credential, Instant retryAfter) {
    /** Whether the password was accepted (with or without a second factor to follow). */
    public boolean passwordAccepted() {
        return status == LoginStatus.SUCCESS || status == LoginStatus.SECOND_FACTOR_REQUIRED;
    }
}

package dev.agentstore.security;

/**
 * The result of {@link SecurityRepository#verifyPassword}.
 *
 * <p>A refused login is always {@link #invalid()}: an unknown user, a wrong or over-long password and a locked
 * account are answered alike, in type and in time, so the answer tells an attacker nothing about the account. Whether
 * an account is locked is for the application's administrators to ask ({@link Credential#lockedAt}, {@link
 * SecurityRepository#loginAttempts}), never for the login form to say.
 *
 * @param status what happened: {@link LoginStatus#SUCCESS}, {@link LoginStatus#SECOND_FACTOR_REQUIRED} or {@link
 *     LoginStatus#INVALID_CREDENTIALS}
 * @param credential the account on {@link LoginStatus#SUCCESS} and {@link LoginStatus#SECOND_FACTOR_REQUIRED},
 *     null otherwise
 */
public record LoginResult(LoginStatus status, Credential credential) {
    private static final LoginResult INVALID = new LoginResult(LoginStatus.INVALID_CREDENTIALS, null);

    /** The one answer to every refused login. */
    public static LoginResult invalid() {
        return INVALID;
    }

    /** Whether the password was accepted (with or without a second factor to follow). */
    public boolean passwordAccepted() {
        return status == LoginStatus.SUCCESS || status == LoginStatus.SECOND_FACTOR_REQUIRED;
    }
}

package dev.agentstore.security;

/** The outcome of a password check. */
public enum LoginStatus {
    /** Password right, no second factor configured: logged in. */
    SUCCESS,
    /** Password right; a TOTP code must follow through {@link SecurityRepository#verifyTotp}. */
    SECOND_FACTOR_REQUIRED,
    /** Refused: an unknown user, a wrong password or a locked account, deliberately indistinguishable. */
    INVALID_CREDENTIALS,
    /**
     * Refused untested because the account was locked: only ever recorded in {@link LoginAttempt#status()} for
     * administrators; {@link SecurityRepository#verifyPassword} answers {@link #INVALID_CREDENTIALS} instead.
     */
    LOCKED
}

package dev.agentstore.security;

/** The outcome of a password check. */
public enum LoginStatus {
    /** Password right, no second factor configured: logged in. */
    SUCCESS,
    /** Password right; a TOTP code must follow through {@link SecurityRepository#verifyTotp}. */
    SECOND_FACTOR_REQUIRED,
    /** Unknown user or wrong password: deliberately indistinguishable. */
    INVALID_CREDENTIALS,
    /** Too many failures: refused until the lock expires, whatever the password. */
    LOCKED
}

package dev.agentstore.security;

/** Kinds of security events agentstore records by itself, plus {@link #CUSTOM} for the application's own. */
public enum SecurityEventType {
    /** An account was created. */
    CREDENTIAL_CREATED,
    /** A password was changed or reset. */
    PASSWORD_CHANGED,
    /** An account locked after repeated failures. */
    ACCOUNT_LOCKED,
    /** An account was unlocked by an administrator. */
    ACCOUNT_UNLOCKED,
    /** A reset token was asked for: issued for a known email (with the credential), or not (without one). */
    PASSWORD_RESET_REQUESTED,
    /** A password was set with a reset token. */
    PASSWORD_RESET_COMPLETED,
    /** TOTP was confirmed and switched on. */
    TOTP_ENABLED,
    /** TOTP was switched off. */
    TOTP_DISABLED,
    /** A TOTP code was accepted. */
    TOTP_VERIFIED,
    /** A TOTP code was refused (wrong, reused, or too far from now). */
    TOTP_REJECTED,
    /** An API key was created. */
    API_KEY_CREATED,
    /** An API key was revoked. */
    API_KEY_REVOKED,
    /** A well-formed API key was refused: unknown, revoked or expired. */
    API_KEY_REJECTED,
    /** Recorded by the application. */
    CUSTOM
}

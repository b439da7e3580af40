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
    /** A reset token was issued. */
    PASSWORD_RESET_REQUESTED,
    /** TOTP was confirmed and switched on. */
    TOTP_ENABLED,
    /** TOTP was switched off. */
    TOTP_DISABLED,
    /** An API key was created. */
    API_KEY_CREATED,
    /** An API key was revoked. */
    API_KEY_REVOKED,
    /** Recorded by the application. */
    CUSTOM
}

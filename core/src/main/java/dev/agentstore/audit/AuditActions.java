package dev.agentstore.audit;

/**
 * The actions the SDK appends to the audit log for its own security-relevant operations, so an app can query
 * them. Resource types are {@link #USER} (a conversations user), {@link #CREDENTIAL} and {@link #API_KEY}.
 */
public final class AuditActions {
    /** Resource type of a conversations user. */
    public static final String USER = "user";
    /** Resource type of a credential. */
    public static final String CREDENTIAL = "credential";
    /** Resource type of an API key. */
    public static final String API_KEY = "api_key";

    /** A user and all their data were erased. */
    public static final String USER_ERASED = "user.erased";
    /** A credential was created. */
    public static final String CREDENTIAL_CREATED = "credential.created";
    /** A password was changed by its owner. */
    public static final String PASSWORD_CHANGED = "credential.password_changed";
    /** A password was reset with a reset token. */
    public static final String PASSWORD_RESET = "credential.password_reset";
    /** A locked account was unlocked. */
    public static final String CREDENTIAL_UNLOCKED = "credential.unlocked";
    /** TOTP was confirmed and is now required. */
    public static final String TOTP_ENABLED = "credential.totp_enabled";
    /** TOTP was switched off. */
    public static final String TOTP_DISABLED = "credential.totp_disabled";
    /** An API key was created. */
    public static final String API_KEY_CREATED = "api_key.created";
    /** An API key was revoked. */
    public static final String API_KEY_REVOKED = "api_key.revoked";

    private AuditActions() {}
}

package dev.agentstore.audit;

/**
 * The actions the SDK appends to the audit log for its own security-relevant operations, so an app can query
 * them. Resource types are {@link #USER} (a conversations user), {@link #CREDENTIAL}, {@link #API_KEY} and
 * {@link #MEMORY_BLOCK}.
 */
public final class AuditActions {
    /** Resource type of a conversations user. */
    public static final String USER = "user";
    /** Resource type of a credential. */
    public static final String CREDENTIAL = "credential";
    /** Resource type of an API key. */
    public static final String API_KEY = "api_key";
    /** Resource type of a memory block. */
    public static final String MEMORY_BLOCK = "memory_block";

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
    /** A memory block was created (actor: who created it). */
    public static final String MEMORY_BLOCK_CREATED = "memory_block.created";
    /** A memory block's value was edited (actor: who edited it). */
    public static final String MEMORY_BLOCK_EDITED = "memory_block.edited";
    /** A shared memory block was attached to an agent. */
    public static final String MEMORY_BLOCK_ATTACHED = "memory_block.attached";
    /** A shared memory block was detached from an agent. */
    public static final String MEMORY_BLOCK_DETACHED = "memory_block.detached";
    /** A memory block was deleted. */
    public static final String MEMORY_BLOCK_DELETED = "memory_block.deleted";

    private AuditActions() {}
}

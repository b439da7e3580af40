package dev.agentstore.spi;

import dev.agentstore.security.ApiKey;
import dev.agentstore.security.LoginAttempt;
import dev.agentstore.security.SecurityEvent;
import dev.agentstore.security.SecurityEventType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Storage for the security repository of one tenant. Core applies every rule (hashing, lockout, TOTP, token
 * formats) on top; a backend stores and fetches, and makes each method atomic. Usernames and emails are
 * passed lowercased for lookups.
 */
public interface SecurityStore {

    /** Inserts a credential and its first password-history entry; {@link dev.agentstore.ConflictException} on a taken username or email. */
    void insertCredential(StoredCredential credential);

    /** The credential with this id. */
    Optional<StoredCredential> findCredential(UUID id);

    /** The credential whose lowercased username is {@code usernameLower}. */
    Optional<StoredCredential> findByUsername(String usernameLower);

    /**
     * Atomically replaces a credential with {@code change} applied to its current state (no concurrent update
     * in between). Returns empty for an unknown id.
     */
    Optional<StoredCredential> update(UUID id, UnaryOperator<StoredCredential> change);

    /**
     * As {@link #update}, for the credential whose lowercased username is {@code usernameLower}: how core claims
     * a login attempt, reading the lock and counting the attempt in one atomic step. Returns empty, having
     * changed nothing, for an unknown username; an unknown username should cost the same round trips as a
     * known one.
     */
    Optional<StoredCredential> updateByUsername(String usernameLower, UnaryOperator<StoredCredential> change);

    /**
     * Atomically sets a new password hash with its change time, appends it to the password history and deletes
     * every reset token of the credential, so no token issued before the change can set a password after it.
     */
    void setPassword(UUID id, String passwordHash, Instant changedAt);

    /** The newest {@code limit} password hashes of a credential, newest first (the current one included). */
    List<String> passwordHistory(UUID id, int limit);

    /**
     * Stores a reset token's hash for the credential whose lowercased email is {@code emailLower} and returns
     * that credential, in one atomic step; for an unknown email stores nothing and returns empty, at the same cost
     * (one round trip for both, where the backend has round trips).
     */
    Optional<StoredCredential> issueResetToken(String emailLower, String tokenHash, Instant expiresAt);

    /** The credential of a live reset token, without consuming it. */
    Optional<UUID> findResetToken(String tokenHash, Instant now);

    /** Atomically consumes a live reset token: returns its credential once, empty after that or when expired. */
    Optional<UUID> redeemResetToken(String tokenHash, Instant now);

    /** Stores an API key with its hash. */
    void insertApiKey(ApiKey key, String keyHash);

    /** The key whose hash is {@code keyHash}. */
    Optional<ApiKey> findApiKeyByHash(String keyHash);

    /** Atomically replaces a key with {@code change} applied to it; empty for an unknown id. */
    Optional<ApiKey> updateApiKey(UUID id, UnaryOperator<ApiKey> change);

    /** An owner's keys, newest first. */
    List<ApiKey> apiKeysOf(UUID ownerId);

    /**
     * Removes the accounts that belong to a user ({@link dev.agentstore.security.Credential#userId()}) with everything
     * that names them: password history, reset tokens, API keys they own, login attempts under their usernames; their
     * security events stay, with the account and details cleared. One atomic step; erasing a user calls it before the
     * user goes. A store that predates the link must override it: the default refuses, so no erase looks complete
     * while accounts stay behind.
     *
     * @return how many accounts were removed
     */
    default int eraseAccountsOf(UUID userId) {
        throw new dev.agentstore.UnsupportedCapabilityException(
                getClass().getName() + " cannot erase a user's accounts: override SecurityStore.eraseAccountsOf");
    }

    /** Stores a login attempt. */
    void insertLoginAttempt(LoginAttempt attempt);

    /** Attempts for a lowercased username since {@code since}, newest first. */
    List<LoginAttempt> loginAttempts(String usernameLower, Instant since, int limit);

    /** Stores a security event. */
    void insertEvent(SecurityEvent event);

    /** Events since {@code since}, newest first, of one type or (null) all. */
    List<SecurityEvent> events(SecurityEventType type, Instant since, int limit);
}

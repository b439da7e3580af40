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

    /** The credential whose lowercased email is {@code emailLower}. */
    Optional<StoredCredential> findByEmail(String emailLower);

    /**
     * Atomically replaces a credential with {@code change} applied to its current state (no concurrent update
     * in between). Returns empty for an unknown id.
     */
    Optional<StoredCredential> update(UUID id, UnaryOperator<StoredCredential> change);

    /** Atomically sets a new password hash, with its change time, and appends it to the password history. */
    void setPassword(UUID id, String passwordHash, Instant changedAt);

    /** The newest {@code limit} password hashes of a credential, newest first (the current one included). */
    List<String> passwordHistory(UUID id, int limit);

    /** Stores a reset token's hash. */
    void insertResetToken(UUID credentialId, String tokenHash, Instant expiresAt);

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

    /** Stores a login attempt. */
    void insertLoginAttempt(LoginAttempt attempt);

    /** Attempts for a lowercased username since {@code since}, newest first. */
    List<LoginAttempt> loginAttempts(String usernameLower, Instant since, int limit);

    /** Stores a security event. */
    void insertEvent(SecurityEvent event);

    /** Events since {@code since}, newest first, of one type or (null) all. */
    List<SecurityEvent> events(SecurityEventType type, Instant since, int limit);
}

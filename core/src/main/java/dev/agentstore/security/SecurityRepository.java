package dev.agentstore.security;

import dev.agentstore.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts, logins, second factors, reset tokens, API keys and the security log of one tenant.
 *
 * <p>Thread-safe. Raw secrets are never stored: passwords as Argon2id hashes, tokens and keys as SHA-256
 * hashes, TOTP secrets encrypted with AES-GCM. Failed proofs are reported without saying what was wrong.
 */
public interface SecurityRepository {

    /**
     * Creates an account. Throws {@link dev.agentstore.ConflictException} if the username or email is taken,
     * {@link dev.agentstore.InvalidInputException} if the password breaks the policy.
     */
    Credential createCredential(NewCredential credential);

    /** The account with this id. */
    Optional<Credential> findCredential(UUID credentialId);

    /** The account with this username (case-insensitive). */
    Optional<Credential> findByUsername(String username);

    /**
     * Checks a password, records the attempt, and counts failures toward lockout. Unknown users cost the
     * same work as known ones.
     */
    LoginResult verifyPassword(String username, Secret password, LoginContext context);

    /**
     * Changes a password after checking the current one. Throws {@link InvalidCredentialsException} if
     * {@code current} is wrong, {@link dev.agentstore.InvalidInputException} if {@code next} breaks the policy
     * or was used recently.
     */
    void changePassword(UUID credentialId, Secret current, Secret next);

    /** Clears a lock and the failure count. */
    Credential unlock(UUID credentialId);

    /**
     * Issues a single-use reset token for the account with this email and hands it to {@code delivery}; for an
     * unknown email it does the same work without a delivery. Either way it returns normally and records a
     * {@link SecurityEventType#PASSWORD_RESET_REQUESTED} event, so the answer never reveals whether the account
     * exists.
     */
    void requestPasswordReset(String email, ResetTokenDelivery delivery);

    /**
     * Sets a new password with a reset token. The token works once and only before it expires; otherwise
     * {@link InvalidCredentialsException}.
     */
    void resetPassword(Secret token, Secret newPassword);

    /** Starts TOTP enrolment: a fresh secret, not yet required at login. Replaces a pending enrolment. */
    TotpEnrollment enrollTotp(UUID credentialId);

    /** Confirms enrolment with a current code; from then on logins need a code. Returns false for a wrong code. */
    boolean confirmTotp(UUID credentialId, String code);

    /** Checks a TOTP code (the current step, or one step either side). Each code works once. */
    boolean verifyTotp(UUID credentialId, String code);

    /** Switches TOTP off and forgets the secret. */
    void disableTotp(UUID credentialId);

    /** Creates an API key; the raw key is returned only here. */
    IssuedApiKey createApiKey(NewApiKey key);

    /**
     * The key a raw API key stands for, if it is well-formed, known, not revoked and not expired; records
     * the use. Malformed keys (bad prefix or checksum) are refused without a lookup.
     */
    Optional<ApiKey> verifyApiKey(Secret rawKey);

    /**
     * Revokes a key; revoking a revoked key is a no-op.
     *
     * @return whether the key exists
     */
    boolean revokeApiKey(UUID keyId);

    /** The keys of an owner, newest first, revoked ones included. */
    List<ApiKey> listApiKeys(UUID ownerId);

    /** Login attempts for a username (case-insensitive) since {@code since}, newest first. */
    List<LoginAttempt> loginAttempts(String username, Instant since, int limit);

    /** Records an application event of type {@link SecurityEventType#CUSTOM} or another type. */
    SecurityEvent recordEvent(SecurityEventType type, UUID credentialId, String severity, Map<String, ?> details);

    /** Events since {@code since}, newest first, optionally of one type (null for all). */
    List<SecurityEvent> events(SecurityEventType type, Instant since, int limit);
}

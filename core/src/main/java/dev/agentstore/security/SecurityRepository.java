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

    /**
     * Creates an account from another system's password hash (Argon2id or bcrypt), replaced by an Argon2id hash at
     * the current parameters on the account's next login. Throws {@link dev.agentstore.ConflictException} if the
     * username or email is taken, {@link dev.agentstore.InvalidInputException} if the hash is of another kind.
     */
    Credential importCredential(ImportedCredential credential);

    /** The account with this id. */
    Optional<Credential> findCredential(UUID credentialId);

    /** The account with this username (case-insensitive). */
    Optional<Credential> findByUsername(String username);

    /**
     * Checks a password, records the attempt, and counts a failure toward the account's lockout. The attempt is
     * claimed before the password is hashed, so however many guesses arrive at once, at most {@link
     * PasswordPolicy#maxFailures} are tested before the lock, and none while it lasts. Every refusal (unknown user,
     * wrong or over-long password, locked account) is {@link LoginResult#invalid()} and costs the same work.
     * For an account with TOTP on, a right password answers {@link LoginStatus#SECOND_FACTOR_REQUIRED} and leaves
     * earlier failures and any lock in place until {@link #verifyTotp} completes the login.
     */
    LoginResult verifyPassword(String username, Secret password, LoginContext context);

    /**
     * Changes a password after checking the current one under the same lockout as a login: a wrong current
     * password counts as a failure, and a locked account is refused whatever is typed. Throws {@link
     * InvalidCredentialsException} then; {@link dev.agentstore.InvalidInputException} if {@code next} breaks the
     * policy or was used recently (checked only once {@code current} is proven). Every reset token of the account
     * stops working.
     */
    void changePassword(UUID credentialId, Secret current, Secret next);

    /** Clears a lock (a timed one or one until unlocked) and the failure count: an administrator's call. */
    Credential unlock(UUID credentialId);

    /**
     * Issues a single-use reset token for the account with this email and hands it to {@code delivery} on a
     * thread of its own, after this call returns; for an unknown email it does the same work without a delivery.
     * Either way it returns normally and records a {@link SecurityEventType#PASSWORD_RESET_REQUESTED} event, so
     * neither the answer nor its time reveals whether the account exists. A delivery that throws is logged (its
     * exception type, never its message) and the token simply expires.
     */
    void requestPasswordReset(String email, ResetTokenDelivery delivery);

    /**
     * Sets a new password with a reset token, and lifts any lock. The token works once and only before it
     * expires; otherwise {@link InvalidCredentialsException}. Every other reset token of the account stops
     * working.
     */
    void resetPassword(Secret token, Secret newPassword);

    /** Starts TOTP enrolment: a fresh secret, not yet required at login. Replaces a pending enrolment. */
    TotpEnrollment enrollTotp(UUID credentialId);

    /**
     * Confirms enrolment with a current code; from then on logins need a code. Returns false for a wrong code,
     * which counts toward the account's lockout, and for any code while the account is locked.
     */
    boolean confirmTotp(UUID credentialId, String code);

    /**
     * Checks a TOTP code (the current step, or one step either side), the second step of a login: a right code
     * completes it (clearing earlier failures). Each code works once. A wrong or reused code counts toward the
     * account's lockout like a wrong password, and while the account is locked every code is refused untested.
     */
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

package dev.agentstore.internal.security;

import dev.agentstore.Secret;
import dev.agentstore.security.Credential;
import dev.agentstore.security.InvalidCredentialsException;
import dev.agentstore.security.LoginAttempt;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.LoginResult;
import dev.agentstore.security.LoginStatus;
import dev.agentstore.security.SecurityEventType;
import dev.agentstore.spi.StoredCredential;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Password checks under the {@link Lockout}, rehashing of weak hashes, and password changes with history.
 *
 * <p>Every check costs one claim, one hash and one attempt record, whatever the outcome: an unknown user, a locked
 * account and an over-long password are hashed against the dummy hash (or the real one) like a wrong password, and
 * all four answer {@link LoginResult#invalid()}.
 */
final class PasswordLogins {
    private final SecurityContext ctx;
    private final PasswordRules rules;
    private final SecurityLog log;
    private final Lockout lockout;

    PasswordLogins(SecurityContext ctx, PasswordRules rules, SecurityLog log, Lockout lockout) {
        this.ctx = ctx;
        this.rules = rules;
        this.log = log;
        this.lockout = lockout;
    }

    LoginResult verify(String username, Secret password, LoginContext context) {
        String typed = capped(password.reveal());
        Optional<Lockout.Claim> claim = lockout.claimByUsername(PolicySecurityRepository.lower(username));
        if (!proves(claim, typed)) {
            claim.filter(Lockout.Claim::admitted).ifPresent(lockout::failed);
            LoginStatus recorded =
                    claim.isPresent() && !claim.get().admitted() ? LoginStatus.LOCKED : LoginStatus.INVALID_CREDENTIALS;
            attempt(username, claim.map(c -> c.stored().credential()).orElse(null), recorded, context);
            return LoginResult.invalid();
        }
        Optional<Credential> loggedIn = succeed(claim.get(), typed);
        LoginResult result = loggedIn.map(c ->
                        new LoginResult(c.totpEnabled() ? LoginStatus.SECOND_FACTOR_REQUIRED : LoginStatus.SUCCESS, c))
                .orElseGet(LoginResult::invalid); // the account was deleted while its password was hashed
        attempt(username, loggedIn.orElse(null), result.status(), context);
        return result;
    }

    /**
     * Changes a password after checking the current one under the lockout: a wrong current password counts as a
     * failure, a locked account is refused untested, and the new password is checked (against the history too)
     * only once the current one is proven, so the call is no oracle of either.
     */
    void change(StoredCredential stored, Secret current, Secret next) {
        Lockout.Claim claim = lockout.claim(stored.credential().id())
                .orElseThrow(() ->
                        PolicySecurityRepository.notFound(stored.credential().id()));
        if (!proves(Optional.of(claim), capped(current.reveal()))) {
            if (claim.admitted()) {
                lockout.failed(claim);
            }
            throw new InvalidCredentialsException("the current password is not correct");
        }
        lockout.passedStep(claim);
        StoredCredential proven = claim.stored();
        checkNew(proven, next);
        storePassword(proven, next);
    }

    /**
     * Hashes {@code typed} once: against the claimed account's hash when the claim was admitted, else against the
     * dummy hash for the same work; true only for an admitted claim, a match and a length within the policy.
     */
    private boolean proves(Optional<Lockout.Claim> claim, String typed) {
        boolean tested = claim.map(Lockout.Claim::admitted).orElse(false);
        String against =
                tested ? claim.get().stored().passwordHash() : ctx.hasher().dummyHash();
        boolean matches = ctx.hasher().verify(typed, against);
        return tested && matches && typed.length() <= ctx.policy().maxLength();
    }

    /** Checks a new password against the policy and the credential's recent passwords; changes nothing. */
    void checkNew(StoredCredential stored, Secret next) {
        Credential c = stored.credential();
        rules.checkNew(
                c.username(),
                next,
                c.totpEnabled(),
                ctx.store().passwordHistory(c.id(), Math.max(1, ctx.policy().historySize())));
    }

    /** Stores a new password already checked with {@link #checkNew}; the account's reset tokens go with the old. */
    void storePassword(StoredCredential stored, Secret next) {
        Credential c = stored.credential();
        ctx.store().setPassword(c.id(), ctx.hasher().hash(rules.normalised(next)), ctx.now());
        log.record(SecurityEventType.PASSWORD_CHANGED, c.id(), "info", Map.of());
    }

    /**
     * Settles a proven password in one atomic update: a complete login (no second factor) clears the failures
     * its claim saw, the password step of a TOTP login takes back only its own; and a weak hash is replaced, only
     * if it is still the hash that was verified (a reset or change in the meantime wins). The new hash is made
     * before the update, so no row lock is held while hashing.
     */
    private Optional<Credential> succeed(Lockout.Claim claim, String typed) {
        String verified = claim.stored().passwordHash();
        String rehash = ctx.hasher().needsRehash(verified) ? ctx.hasher().hash(typed) : null;
        Instant now = ctx.now();
        return ctx.store()
                .update(claim.id(), c -> {
                    Credential current = c.credential();
                    Credential settled = current.totpEnabled()
                            ? lockout.settledStep(current, claim)
                            : Credentials.withLastLogin(lockout.settledComplete(current, claim), now);
                    String hash = rehash != null && c.passwordHash().equals(verified) ? rehash : c.passwordHash();
                    return new StoredCredential(settled, hash, c.totpSecret(), c.pendingTotpSecret(), c.lastTotpStep());
                })
                .map(StoredCredential::credential);
    }

    private void attempt(String username, Credential credential, LoginStatus status, LoginContext context) {
        ctx.store()
                .insertLoginAttempt(new LoginAttempt(
                        ctx.newId(),
                        username,
                        credential == null ? null : credential.id(),
                        status,
                        context.ipAddress(),
                        context.userAgent(),
                        ctx.now()));
    }

    private String capped(String password) {
        // Never hash more than the policy's maximum: an attacker must not choose the cost of a check. One character
        // more is kept, so an over-long password is hashed like any other and then refused for its length.
        int max = ctx.policy().maxLength() + 1;
        return password.length() > max ? password.substring(0, max) : password;
    }
}

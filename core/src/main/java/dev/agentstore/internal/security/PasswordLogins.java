package dev.agentstore.internal.security;

import dev.agentstore.Secret;
import dev.agentstore.security.Credential;
import dev.agentstore.security.LoginAttempt;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.LoginResult;
import dev.agentstore.security.LoginStatus;
import dev.agentstore.security.SecurityEventType;
import dev.agentstore.spi.StoredCredential;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Password checks with lockout, rehashing of weak hashes, and password changes with history. */
final class PasswordLogins {
    private final SecurityContext ctx;
    private final PasswordRules rules;
    private final SecurityLog log;

    PasswordLogins(SecurityContext ctx, PasswordRules rules, SecurityLog log) {
        this.ctx = ctx;
        this.rules = rules;
        this.log = log;
    }

    LoginResult verify(String username, Secret password, LoginContext context) {
        Instant now = ctx.now();
        String typed = capped(password.reveal());
        Optional<StoredCredential> found = ctx.store().findByUsername(PolicySecurityRepository.lower(username));
        if (found.isEmpty()) {
            ctx.hasher().verify(typed, ctx.hasher().dummyHash()); // same work as for a real user
            return attempt(username, null, new LoginResult(LoginStatus.INVALID_CREDENTIALS, null, null), context);
        }
        StoredCredential stored = found.get();
        Credential credential = stored.credential();
        if (credential.lockedAt(now)) {
            // No check of the real hash while locked (no oracle), but the same work, and the attempt still counts.
            ctx.hasher().verify(typed, ctx.hasher().dummyHash());
            Credential counted = countFailure(credential, now);
            return attempt(
                    username, credential, new LoginResult(LoginStatus.LOCKED, null, counted.lockedUntil()), context);
        }
        boolean ok = typed.length() <= ctx.policy().maxLength() && ctx.hasher().verify(typed, stored.passwordHash());
        return attempt(username, credential, ok ? succeed(stored, typed, now) : fail(credential), context);
    }

    void setPassword(StoredCredential stored, Secret next) {
        checkNew(stored, next);
        storePassword(stored, next);
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

    /** Stores a new password already checked with {@link #checkNew}. */
    void storePassword(StoredCredential stored, Secret next) {
        Credential c = stored.credential();
        ctx.store().setPassword(c.id(), ctx.hasher().hash(rules.normalised(next)), ctx.now());
        log.record(SecurityEventType.PASSWORD_CHANGED, c.id(), "info", Map.of());
    }

    private LoginResult succeed(StoredCredential stored, String typed, Instant now) {
        if (ctx.hasher().needsRehash(stored.passwordHash())) {
            ctx.store()
                    .update(
                            stored.credential().id(),
                            c -> new StoredCredential(
                                    c.credential(),
                                    ctx.hasher().hash(typed),
                                    c.totpSecret(),
                                    c.pendingTotpSecret(),
                                    c.lastTotpStep()));
        }
        Credential updated = ctx.store()
                .update(
                        stored.credential().id(),
                        c -> new StoredCredential(
                                Credentials.loggedIn(c.credential(), now),
                                c.passwordHash(),
                                c.totpSecret(),
                                c.pendingTotpSecret(),
                                c.lastTotpStep()))
                .orElseThrow()
                .credential();
        LoginStatus status = updated.totpEnabled() ? LoginStatus.SECOND_FACTOR_REQUIRED : LoginStatus.SUCCESS;
        return new LoginResult(status, updated, null);
    }

    private LoginResult fail(Credential credential) {
        Instant now = ctx.now();
        Credential updated = countFailure(credential, now);
        if (updated.lockedAt(now) && !credential.lockedAt(now)) {
            log.record(
                    SecurityEventType.ACCOUNT_LOCKED,
                    credential.id(),
                    "warning",
                    Map.of("failedAttempts", updated.failedAttempts()));
        }
        return new LoginResult(LoginStatus.INVALID_CREDENTIALS, null, null);
    }

    /**
     * Adds one failure under the credential's row lock (so parallel failures all count) and locks for the policy's
     * backoff once there are enough; a lock is only ever extended, never shortened.
     */
    private Credential countFailure(Credential credential, Instant now) {
        return ctx.store()
                .update(credential.id(), c -> {
                    int failures = c.credential().failedAttempts() + 1;
                    Duration lock = ctx.policy().lockoutAfter(failures);
                    Instant current = c.credential().lockedUntil();
                    Instant until = lock.isZero() || (current != null && current.isAfter(now.plus(lock)))
                            ? current
                            : now.plus(lock);
                    return new StoredCredential(
                            Credentials.withFailures(c.credential(), failures, until),
                            c.passwordHash(),
                            c.totpSecret(),
                            c.pendingTotpSecret(),
                            c.lastTotpStep());
                })
                .orElseThrow()
                .credential();
    }

    private LoginResult attempt(String username, Credential credential, LoginResult result, LoginContext context) {
        ctx.store()
                .insertLoginAttempt(new LoginAttempt(
                        ctx.newId(),
                        username,
                        credential == null ? null : credential.id(),
                        result.status(),
                        context.ipAddress(),
                        context.userAgent(),
                        ctx.now()));
        return result;
    }

    private String capped(String password) {
        // Never hash more than the policy's maximum: an attacker must not choose the cost of a login.
        int max = ctx.policy().maxLength() + 1;
        return password.length() > max ? password.substring(0, max) : password;
    }
}

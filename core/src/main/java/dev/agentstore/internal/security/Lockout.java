package dev.agentstore.internal.security;

import dev.agentstore.internal.observe.StoreMeters;
import dev.agentstore.security.Credential;
import dev.agentstore.security.SecurityEventType;
import dev.agentstore.spi.StoredCredential;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one failure counter every proof of an account goes through: passwords at login and on a change, TOTP codes at
 * login and on enrolment.
 *
 * <p>A check first <em>claims</em> an attempt, before any hashing: in one atomic step of the backend it reads the
 * lock and, if the account is not locked, counts the attempt as a failure (locking the account once there are
 * enough). Only an admitted claim may test the real secret, so however many guesses arrive at once, at most
 * {@code maxFailures} of them are ever tested before the lock, and a guess that arrives while locked is refused
 * without a test. A check that then succeeds <em>settles</em> its claim: a complete login clears the failures up to
 * and including its own (those claimed after it stay, and so does a lock they set), one step of a login (the
 * password before its TOTP code) or a password change takes back only its own.
 */
final class Lockout {
    private final SecurityContext ctx;
    private final SecurityLog log;
    private final StoreMeters meters;

    Lockout(SecurityContext ctx, SecurityLog log, StoreMeters meters) {
        this.meters = meters;
        this.ctx = ctx;
        this.log = log;
    }

    /**
     * A claimed attempt.
     *
     * @param stored the credential as the claim left it (its failure count includes this attempt when admitted)
     * @param admitted whether the account was unlocked, so the secret may be tested
     * @param locking whether this claim's failure locked the account
     */
    record Claim(StoredCredential stored, boolean admitted, boolean locking) {
        UUID id() {
            return stored.credential().id();
        }
    }

    /** Claims an attempt on the account with this username; empty, having changed nothing, for an unknown one. */
    Optional<Claim> claimByUsername(String usernameLower) {
        Instant now = ctx.now();
        AtomicReference<StoredCredential> before = new AtomicReference<>();
        return ctx.store()
                .updateByUsername(usernameLower, c -> counted(before, c, now))
                .map(after -> claim(before.get(), after, now));
    }

    /** Claims an attempt on the account with this id; empty for an unknown (or meanwhile deleted) one. */
    Optional<Claim> claim(UUID credentialId) {
        Instant now = ctx.now();
        AtomicReference<StoredCredential> before = new AtomicReference<>();
        return ctx.store()
                .update(credentialId, c -> counted(before, c, now))
                .map(after -> claim(before.get(), after, now));
    }

    private StoredCredential counted(AtomicReference<StoredCredential> before, StoredCredential c, Instant now) {
        before.set(c);
        Credential current = c.credential();
        if (current.lockedAt(now)) {
            return c; // refused untested: the attempt is recorded, the lock neither tested nor extended
        }
        int failures = current.failedAttempts() + 1;
        Instant until = ctx.policy().lockedUntil(failures, now);
        return with(c, Credentials.withFailures(current, failures, until == null ? current.lockedUntil() : until));
    }

    private static Claim claim(StoredCredential before, StoredCredential after, Instant now) {
        boolean admitted = !before.credential().lockedAt(now);
        return new Claim(after, admitted, admitted && after.credential().lockedAt(now));
    }

    /** A claim whose check failed: its failure stays counted; the lock it caused is logged. */
    void failed(Claim claim) {
        if (claim.locking()) {
            meters.lockout();
            Credential c = claim.stored().credential();
            log.record(
                    SecurityEventType.ACCOUNT_LOCKED,
                    c.id(),
                    "warning",
                    Map.of(
                            "failedAttempts",
                            c.failedAttempts(),
                            "lockedUntil",
                            c.lockedUntil().toString()));
        }
    }

    /**
     * {@code current} after a complete login by {@code claim}: the failures up to and including the claim's are
     * cleared, with the lock if no failure came after it; later failures stay counted and a lock they set stays.
     * Applied inside the backend's atomic update, with whatever else the login changes.
     */
    Credential settledComplete(Credential current, Claim claim) {
        int atClaim = claim.stored().credential().failedAttempts();
        int later = current.failedAttempts() - atClaim;
        if (later < 0) {
            return current; // unlocked or reset meanwhile: nothing of this claim is left to clear
        }
        return later == 0
                ? Credentials.withFailures(current, 0, null)
                : Credentials.withFailures(current, later, current.lockedUntil());
    }

    /**
     * {@code c} after one step passed by {@code claim} (a password before its second factor, a current password on
     * a change, an enrolment code): only what the claim itself added is taken back, its failure and, if nothing
     * was claimed after it, the lock that failure set. Earlier failures stay, and so does a lock set by a later
     * claim; a lock already in force when the claim came cannot exist, since the claim was admitted.
     */
    Credential settledStep(Credential c, Claim claim) {
        int atClaim = claim.stored().credential().failedAttempts();
        if (c.failedAttempts() < atClaim || c.failedAttempts() == 0) {
            return c; // unlocked or reset meanwhile: the claim's failure is gone already
        }
        boolean last = c.failedAttempts() == atClaim;
        Instant lock = last && claim.locking() ? null : c.lockedUntil();
        return Credentials.withFailures(c, c.failedAttempts() - 1, lock);
    }

    /** Takes back the failure of a claim whose step passed, in an update of its own. */
    void passedStep(Claim claim) {
        ctx.store().update(claim.id(), c -> with(c, settledStep(c.credential(), claim)));
    }

    static StoredCredential with(StoredCredential c, Credential credential) {
        return new StoredCredential(
                credential, c.passwordHash(), c.totpSecret(), c.pendingTotpSecret(), c.lastTotpStep());
    }
}

package dev.agentstore.internal.security;

import dev.agentstore.AgentStoreException;
import dev.agentstore.Secret;
import dev.agentstore.internal.crypto.Base32;
import dev.agentstore.internal.crypto.Totp;
import dev.agentstore.security.Credential;
import dev.agentstore.security.SecurityEventType;
import dev.agentstore.security.TotpEnrollment;
import dev.agentstore.spi.StoredCredential;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * TOTP enrolment, confirmation and single-use verification with encrypted, rotatable secrets; every code checked
 * counts toward the account's {@link Lockout} like a password.
 */
final class TotpFactor {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ISSUER = "agentstore";

    private final SecurityContext ctx;
    private final SecurityLog log;
    private final Lockout lockout;

    TotpFactor(SecurityContext ctx, SecurityLog log, Lockout lockout) {
        this.ctx = ctx;
        this.log = log;
        this.lockout = lockout;
    }

    TotpEnrollment enroll(StoredCredential stored) {
        byte[] secret = new byte[20]; // 160 bits, RFC 4226's recommendation
        RANDOM.nextBytes(secret);
        String sealed = ctx.cipher().encrypt(secret, aad(stored));
        ctx.store()
                .update(
                        stored.credential().id(),
                        c -> new StoredCredential(
                                c.credential(), c.passwordHash(), c.totpSecret(), sealed, c.lastTotpStep()));
        String base32 = Base32.encode(secret);
        String label = URLEncoder.encode(ISSUER + ":" + stored.credential().username(), StandardCharsets.UTF_8);
        String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + ISSUER + "&digits=6&period=30";
        return new TotpEnrollment(Secret.of(base32), Secret.of(uri));
    }

    /**
     * Confirms an enrolment under the {@link Lockout}: a wrong code counts as a failure and a locked account is
     * refused untested; a right one switches TOTP on and takes back its own failure.
     */
    boolean confirm(StoredCredential stored, String code) {
        if (stored.pendingTotpSecret() == null) {
            return false;
        }
        Lockout.Claim claim = lockout.claim(stored.credential().id()).orElse(null);
        if (claim == null || !claim.admitted() || claim.stored().pendingTotpSecret() == null) {
            return rejected(stored);
        }
        String pending = claim.stored().pendingTotpSecret();
        long step = Totp.matchingStep(unseal(stored, pending), code, ctx.now());
        AtomicBoolean won = new AtomicBoolean();
        if (step >= 0) {
            ctx.store().update(stored.credential().id(), c -> {
                won.set(pending.equals(c.pendingTotpSecret())); // not re-enrolled meanwhile
                if (!won.get()) {
                    return c;
                }
                Credential enabled = Credentials.withTotp(lockout.settledStep(c.credential(), claim), true);
                return new StoredCredential(enabled, c.passwordHash(), pending, null, step);
            });
        }
        if (!won.get()) {
            lockout.failed(claim);
            return rejected(stored);
        }
        log.record(SecurityEventType.TOTP_ENABLED, stored.credential().id(), "info", Map.of());
        return true;
    }

    /**
     * Checks a code under the {@link Lockout}, as the second step of a login: a wrong, reused or late code counts
     * as a failure and a locked account is refused untested; a right, unused one completes the login, clearing the
     * failures its claim saw, and re-seals a secret sealed under a retired key.
     */
    boolean verify(StoredCredential stored, String code) {
        if (stored.totpSecret() == null) {
            return false;
        }
        Lockout.Claim claim = lockout.claim(stored.credential().id()).orElse(null);
        if (claim == null || !claim.admitted() || claim.stored().totpSecret() == null) {
            return rejected(stored);
        }
        String sealed = claim.stored().totpSecret();
        byte[] secret = unseal(stored, sealed);
        Instant now = ctx.now();
        long step = Totp.matchingStep(secret, code, now);
        AtomicBoolean won = new AtomicBoolean();
        if (step >= 0) {
            String resealed = ctx.cipher().isStale(sealed) ? ctx.cipher().encrypt(secret, aad(stored)) : sealed;
            ctx.store().update(stored.credential().id(), c -> {
                // a code at or before the last accepted step was used already, here or by a concurrent call
                won.set(sealed.equals(c.totpSecret()) && step > c.lastTotpStep());
                if (!won.get()) {
                    return c;
                }
                Credential settled = Credentials.withLastLogin(lockout.settledComplete(c.credential(), claim), now);
                return new StoredCredential(settled, c.passwordHash(), resealed, c.pendingTotpSecret(), step);
            });
        }
        if (!won.get()) {
            lockout.failed(claim);
            return rejected(stored);
        }
        log.record(SecurityEventType.TOTP_VERIFIED, stored.credential().id(), "info", Map.of());
        return true;
    }

    /**
     * The secret sealed for this credential. A ciphertext that fails authentication (tampered with, copied from
     * another credential or tenant, or sealed under a key no longer configured) is recorded as a critical event and
     * refused: nothing is verified against it.
     */
    private byte[] unseal(StoredCredential stored, String sealed) {
        try {
            return ctx.cipher().decrypt(sealed, aad(stored));
        } catch (SecurityException e) {
            log.record(
                    SecurityEventType.TOTP_REJECTED,
                    stored.credential().id(),
                    "critical",
                    Map.of("reason", "the sealed secret failed authentication"));
            throw new AgentStoreException(
                    "the stored TOTP secret of credential "
                            + stored.credential().id()
                            + " failed authentication (tampered with, moved, or sealed under a key not configured)",
                    e);
        }
    }

    private boolean rejected(StoredCredential stored) {
        log.record(SecurityEventType.TOTP_REJECTED, stored.credential().id(), "warning", Map.of());
        return false;
    }

    void disable(StoredCredential stored) {
        ctx.store()
                .update(
                        stored.credential().id(),
                        c -> new StoredCredential(
                                Credentials.withTotp(c.credential(), false),
                                c.passwordHash(),
                                null,
                                null,
                                c.lastTotpStep()));
        log.record(SecurityEventType.TOTP_DISABLED, stored.credential().id(), "info", Map.of());
    }

    private String aad(StoredCredential stored) {
        return ctx.tenant() + ":" + stored.credential().id();
    }
}

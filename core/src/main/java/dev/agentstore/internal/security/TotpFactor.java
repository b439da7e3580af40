package dev.agentstore.internal.security;

import dev.agentstore.AgentStoreException;
import dev.agentstore.Secret;
import dev.agentstore.internal.crypto.Base32;
import dev.agentstore.internal.crypto.Totp;
import dev.agentstore.security.SecurityEventType;
import dev.agentstore.security.TotpEnrollment;
import dev.agentstore.spi.StoredCredential;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** TOTP enrolment, confirmation and single-use verification with encrypted, rotatable secrets. */
final class TotpFactor {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ISSUER = "agentstore";

    private final SecurityContext ctx;
    private final SecurityLog log;

    TotpFactor(SecurityContext ctx, SecurityLog log) {
        this.ctx = ctx;
        this.log = log;
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

    boolean confirm(StoredCredential stored, String code) {
        if (stored.pendingTotpSecret() == null) {
            return false;
        }
        long step = Totp.matchingStep(unseal(stored, stored.pendingTotpSecret()), code, ctx.now());
        if (step < 0) {
            return rejected(stored);
        }
        ctx.store()
                .update(
                        stored.credential().id(),
                        c -> new StoredCredential(
                                Credentials.withTotp(c.credential(), true),
                                c.passwordHash(),
                                c.pendingTotpSecret(),
                                null,
                                step));
        log.record(SecurityEventType.TOTP_ENABLED, stored.credential().id(), "info", Map.of());
        return true;
    }

    boolean verify(StoredCredential stored, String code) {
        if (stored.totpSecret() == null) {
            return false;
        }
        byte[] secret = unseal(stored, stored.totpSecret());
        long step = Totp.matchingStep(secret, code, ctx.now());
        if (step < 0) {
            return rejected(stored);
        }
        AtomicBoolean won = new AtomicBoolean();
        boolean rotate = ctx.cipher().isStale(stored.totpSecret());
        ctx.store().update(stored.credential().id(), c -> {
            won.set(step > c.lastTotpStep());
            if (!won.get()) {
                return c;
            }
            String sealed = rotate ? ctx.cipher().encrypt(secret, aad(stored)) : c.totpSecret();
            return new StoredCredential(c.credential(), c.passwordHash(), sealed, c.pendingTotpSecret(), step);
        });
        if (!won.get()) {
            return rejected(stored); // a code already used, here or by a concurrent call
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

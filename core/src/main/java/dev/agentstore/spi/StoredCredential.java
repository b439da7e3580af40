package dev.agentstore.spi;

import dev.agentstore.security.Credential;

/**
 * A credential as a backend stores it.
 *
 * @param credential the public part
 * @param passwordHash the Argon2id PHC string
 * @param totpSecret the encrypted confirmed TOTP secret, or null
 * @param pendingTotpSecret the encrypted secret awaiting confirmation, or null
 * @param lastTotpStep the last TOTP time step accepted (codes at or before it are refused), 0 if none
 */
public record StoredCredential(
        Credential credential, String passwordHash, String totpSecret, String pendingTotpSecret, long lastTotpStep) {

    /** The public part and the TOTP step; the hash and the sealed secrets are masked. */
    @Override
    public String toString() {
        return "StoredCredential[credential=" + credential + ", passwordHash=****, totpSecret="
                + (totpSecret == null ? "none" : "****") + ", pendingTotpSecret="
                + (pendingTotpSecret == null ? "none" : "****") + ", lastTotpStep=" + lastTotpStep + "]";
    }
}

package dev.agentstore.internal.crypto;

import dev.agentstore.ConfigurationException;
import dev.agentstore.StoreConfig;
import dev.agentstore.spi.CoreSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of secrets at rest, as {@code keyId:base64(iv || ciphertext)}. The associated data
 * binds a ciphertext to its owner (tenant and record id), so a ciphertext moved to another row fails to
 * decrypt. Old key ids stay readable after the active key changes.
 */
public final class SecretCipher {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;

    public SecretCipher(Map<String, byte[]> keys, String activeKeyId) {
        this.keys = new LinkedHashMap<>();
        if (keys.isEmpty() && activeKeyId == null) {
            this.activeKeyId = null; // unconfigured: every use fails, see requireKeys
            return;
        }
        keys.forEach((id, key) -> {
            if (key.length != 32) {
                throw new ConfigurationException("encryption.key." + id + " must be 32 bytes (Base64 of AES-256)");
            }
            this.keys.put(id, new SecretKeySpec(key, "AES"));
        });
        if (!this.keys.containsKey(activeKeyId)) {
            throw new ConfigurationException("encryption.active-key names '" + activeKeyId + "', which has no key");
        }
        this.activeKeyId = activeKeyId;
    }

    /**
     * The keys in {@code encryption.key.*}; with none configured, one random key when {@code ephemeralOk} (nothing
     * outlives the JVM), else a cipher that refuses every use with a {@link ConfigurationException}, so a store
     * opens without keys and only the features that seal secrets (TOTP) ask for one.
     */
    public static SecretCipher fromConfig(StoreConfig config, boolean ephemeralOk) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        config.properties().forEach((k, v) -> {
            if (k.startsWith("encryption.key.")) {
                try {
                    keys.put(
                            k.substring("encryption.key.".length()),
                            Base64.getDecoder().decode(v));
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(k + " is not valid Base64");
                }
            }
        });
        if (keys.isEmpty()) {
            if (!ephemeralOk) {
                return new SecretCipher(Map.of(), null);
            }
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            return new SecretCipher(Map.of("ephemeral", key), "ephemeral");
        }
        String active = config.get(
                CoreSettings.ENCRYPTION_ACTIVE_KEY.name(),
                keys.keySet().iterator().next());
        return new SecretCipher(keys, active);
    }

    public String encrypt(byte[] plaintext, String associatedData) {
        requireKeys();
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(128, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
            return activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The plaintext; throws {@link SecurityException} for tampered, moved or unknown-key ciphertexts. */
    public byte[] decrypt(String stored, String associatedData) {
        requireKeys();
        int colon = stored.indexOf(':');
        SecretKeySpec key = colon < 0 ? null : keys.get(stored.substring(0, colon));
        if (key == null) {
            throw new SecurityException("ciphertext uses an unknown key id");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(all, 12, all.length - 12);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecurityException("ciphertext failed authentication", e);
        }
    }

    /** Whether a ciphertext was made with an older key and should be re-encrypted. */
    public boolean isStale(String stored) {
        requireKeys();
        return !stored.startsWith(activeKeyId + ":");
    }

    private void requireKeys() {
        if (activeKeyId == null) {
            throw new ConfigurationException("no encryption key is configured for secrets at rest: set"
                    + " encryption.key.<id> (AGENTSTORE_ENCRYPTION_KEY_<ID>) to a Base64 AES-256 key");
        }
    }
}

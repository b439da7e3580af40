package dev.agentstore.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConfigurationException;
import dev.agentstore.Secret;
import dev.agentstore.StoreConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private static final byte[] OLD_KEY = key(1);
    private static final byte[] NEW_KEY = key(2);
    private static final byte[] PLAINTEXT = "JBSWY3DPEHPK3PXP".getBytes(StandardCharsets.US_ASCII);
    private static final String ALICE = "tenant-a/alice";

    private final SecretCipher cipher = new SecretCipher(Map.of("k1", OLD_KEY), "k1");

    @Test
    void should_round_trip_and_name_the_key_without_revealing_the_plaintext() {
        String stored = cipher.encrypt(PLAINTEXT, ALICE);

        assertThat(stored).startsWith("k1:").doesNotContain("JBSWY3DP");
        assertThat(cipher.decrypt(stored, ALICE)).isEqualTo(PLAINTEXT);
    }

    @Test
    void should_use_a_fresh_nonce_for_every_encryption() {
        assertThat(cipher.encrypt(PLAINTEXT, ALICE)).isNotEqualTo(cipher.encrypt(PLAINTEXT, ALICE));
    }

    @Test
    void should_refuse_a_tampered_ciphertext() {
        String stored = cipher.encrypt(PLAINTEXT, ALICE);
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        raw[raw.length - 1] ^= 0x01;
        String tampered = "k1:" + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> cipher.decrypt(tampered, ALICE)).isInstanceOf(SecurityException.class);
    }

    @Test
    void should_refuse_a_ciphertext_moved_to_another_user_or_tenant() {
        String stored = cipher.encrypt(PLAINTEXT, ALICE);

        assertThatThrownBy(() -> cipher.decrypt(stored, "tenant-a/bob")).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> cipher.decrypt(stored, "tenant-b/alice")).isInstanceOf(SecurityException.class);
    }

    @Test
    void should_refuse_unknown_key_ids_and_garbage() {
        assertThatThrownBy(() -> cipher.decrypt("k9:AAAA", ALICE)).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> cipher.decrypt("no-key-id", ALICE)).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> cipher.decrypt("k1:%%%not-base64", ALICE)).isInstanceOf(SecurityException.class);
    }

    @Test
    void should_read_old_ciphertexts_after_rotation_and_flag_them_stale() {
        String underOldKey = cipher.encrypt(PLAINTEXT, ALICE);
        SecretCipher rotated = new SecretCipher(Map.of("k1", OLD_KEY, "k2", NEW_KEY), "k2");
        String underNewKey = rotated.encrypt(PLAINTEXT, ALICE);

        assertThat(rotated.decrypt(underOldKey, ALICE)).isEqualTo(PLAINTEXT);
        assertThat(rotated.isStale(underOldKey)).isTrue();
        assertThat(rotated.isStale(underNewKey)).isFalse();
        assertThat(underNewKey).startsWith("k2:");
    }

    @Test
    void should_reject_a_configured_key_of_the_wrong_size_without_echoing_it() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        StoreConfig config =
                StoreConfig.builder().encryptionKey("k1", Secret.of(shortKey)).build();

        assertThatThrownBy(() -> SecretCipher.fromConfig(config, false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("encryption.key.k1")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void should_demand_a_key_when_an_ephemeral_one_is_not_acceptable() {
        SecretCipher unconfigured =
                SecretCipher.fromConfig(StoreConfig.builder().build(), false);
        assertThatThrownBy(() -> unconfigured.encrypt(PLAINTEXT, ALICE))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("encryption.key");
        assertThatThrownBy(() -> unconfigured.decrypt("k:AAAA", ALICE)).isInstanceOf(ConfigurationException.class);
        assertThat(SecretCipher.fromConfig(StoreConfig.builder().build(), true).encrypt(PLAINTEXT, ALICE))
                .startsWith("ephemeral:");
    }

    @Test
    void should_use_the_configured_active_key() {
        StoreConfig config = StoreConfig.builder()
                .encryptionKey("2026-01", Secret.of(Base64.getEncoder().encodeToString(NEW_KEY)))
                .build();

        assertThat(SecretCipher.fromConfig(config, false).encrypt(PLAINTEXT, ALICE))
                .startsWith("2026-01:");
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }
}

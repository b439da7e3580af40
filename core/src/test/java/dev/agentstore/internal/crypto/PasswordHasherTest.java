package dev.agentstore.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {
    /**
     * Made with the Argon2 reference implementation (Debian's {@code argon2} 0~20190702):
     * {@code echo -n "correct horse battery staple" | argon2 agentstoresalt16 -id -t 2 -k 19456 -p 1 -l 32 -e}.
     */
    private static final String REFERENCE_OWASP =
            "$argon2id$v=19$m=19456,t=2,p=1$YWdlbnRzdG9yZXNhbHQxNg$3Zk4bf8zg9d6ZjEbxTwrRMvpsFeB3lCTHswH9dcQblM";

    /** The same tool with weaker parameters: {@code echo -n hunter2hunter2 | argon2 0123456789abcdef -id -t 1 -k 8192}. */
    private static final String REFERENCE_WEAK =
            "$argon2id$v=19$m=8192,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$6EK307RTwiBMoOK2v5lOIdgAXB7rTALj5tZEEMQALds";

    private final PasswordHasher hasher = PasswordHasher.owaspMinimum();

    @Test
    void should_verify_hashes_made_by_the_reference_implementation() {
        assertThat(hasher.verify("correct horse battery staple", REFERENCE_OWASP))
                .isTrue();
        assertThat(hasher.verify("correct horse battery stapl", REFERENCE_OWASP))
                .isFalse();
        assertThat(hasher.verify("hunter2hunter2", REFERENCE_WEAK)).isTrue();
    }

    @Test
    void should_write_phc_strings_at_the_owasp_minimum_with_a_16_byte_salt() {
        String phc = hasher.hash("correct horse battery staple");

        assertThat(phc).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        String salt = phc.split("\\$")[4];
        assertThat(java.util.Base64.getDecoder().decode(salt)).hasSize(16);
        assertThat(hasher.verify("correct horse battery staple", phc)).isTrue();
    }

    @Test
    void should_salt_every_hash_differently() {
        assertThat(hasher.hash("same password twice")).isNotEqualTo(hasher.hash("same password twice"));
    }

    @Test
    void should_ask_to_rehash_weaker_hashes_only() {
        assertThat(hasher.needsRehash(REFERENCE_WEAK)).isTrue();
        assertThat(hasher.needsRehash(REFERENCE_OWASP)).isFalse();
        assertThat(new PasswordHasher(64 * 1024, 3).needsRehash(REFERENCE_OWASP))
                .isTrue();
    }

    /** crypt_blowfish's published test vectors (also used by OpenBSD and John the Ripper). */
    @Test
    void should_verify_imported_bcrypt_hashes_and_ask_to_replace_them() {
        String bcrypt = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";
        assertThat(hasher.verify("U*U", bcrypt)).isTrue();
        assertThat(hasher.verify("U*U*", bcrypt)).isFalse();
        assertThat(hasher.verify("U*U*", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK"))
                .isTrue();
        assertThat(hasher.needsRehash(bcrypt)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "plain text",
                "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$IMit9qkFULCMA/ViizL57cnTLOa5DiVM9eMwpAvPwr4",
                "$argon2id$v=19$m=19456,t=2,p=1$***$***",
                "$argon2id$v=19$m=x,t=2,p=1$YWdlbnRzdG9yZXNhbHQxNg$3Zk4bf8zg9d6ZjEbxTwrRMvpsFeB3lCTHswH9dcQblM",
                "$argon2id$v=19$m=19456,t=2,p=4$YWdlbnRzdG9yZXNhbHQxNg$3Zk4bf8zg9d6ZjEbxTwrRMvpsFeB3lCTHswH9dcQblM",
                "$argon2id$v=19$m=19456,t=2,p=1$YWdlbnRzdG9yZXNhbHQxNg$AA",
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$3Zk4bf8zg9d6ZjEbxTwrRMvpsFeB3lCTHswH9dcQblM"
            })
    void should_treat_malformed_or_foreign_hashes_as_not_matching(String phc) {
        assertThat(hasher.verify("password", phc)).isFalse();
        assertThat(hasher.needsRehash(phc)).isTrue();
    }

    @Test
    void should_verify_the_dummy_hash_against_nothing_a_user_would_type() {
        assertThat(hasher.dummyHash()).isSameAs(hasher.dummyHash());
        assertThat(hasher.verify("", hasher.dummyHash())).isFalse();
    }
}

package dev.agentstore.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void should_issue_well_formed_api_keys_with_a_checksum() {
        String key = Tokens.newApiKey().reveal();

        assertThat(key).startsWith("ask_").hasSize(4 + 32 + 6).matches("ask_[0-9A-Za-z]+");
        assertThat(Tokens.isWellFormedApiKey(key)).isTrue();
        assertThat(Tokens.displayPrefix(key)).isEqualTo(key.substring(0, 8));
    }

    @Test
    void should_spot_a_mistyped_key_by_its_checksum() {
        String key = Tokens.newApiKey().reveal();
        char flipped = key.charAt(10) == 'a' ? 'b' : 'a';
        String typo = key.substring(0, 10) + flipped + key.substring(11);

        assertThat(Tokens.isWellFormedApiKey(typo)).isFalse();
        assertThat(Tokens.isWellFormedApiKey(key.substring(1))).isFalse();
        assertThat(Tokens.isWellFormedApiKey("sk_" + key.substring(3))).isFalse();
    }

    @Test
    void should_make_random_tokens_that_do_not_repeat() {
        Set<String> tokens = new HashSet<>();
        IntStream.range(0, 1_000).forEach(i -> tokens.add(Tokens.randomToken().reveal()));
        assertThat(tokens).hasSize(1_000).allMatch(t -> t.matches("[0-9A-Za-z]{32}"));
    }

    @Test
    void should_hash_with_sha_256_in_hex() {
        assertThat(Tokens.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}

package dev.agentstore.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {
    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 Appendix B: 8-digit codes for each time and HMAC algorithm. */
    @ParameterizedTest(name = "T={0}s")
    @CsvSource({
        "59,          94287082, 46119246, 90693936",
        "1111111109,  07081804, 68084774, 25091201",
        "1111111111,  14050471, 67062674, 99943326",
        "1234567890,  89005924, 91819424, 93441116",
        "2000000000,  69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"
    })
    void should_match_the_rfc_6238_test_vectors(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(SHA1_SEED, step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_SEED, step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_SEED, step, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    @ParameterizedTest(name = "{0} steps away")
    @ValueSource(ints = {-1, 0, 1})
    void should_accept_a_code_one_step_either_side(int offset) {
        Instant now = Instant.ofEpochSecond(1_700_000_015);
        long step = Totp.step(now) + offset;
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step), now))
                .isEqualTo(step);
    }

    @ParameterizedTest(name = "{0} steps away")
    @ValueSource(ints = {-3, -2, 2, 3})
    void should_refuse_a_code_two_or_more_steps_away(int offset) {
        Instant now = Instant.ofEpochSecond(1_700_000_015);
        String code = Totp.code(SHA1_SEED, Totp.step(now) + offset);
        assertThat(Totp.matchingStep(SHA1_SEED, code, now)).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "1234567", "abcdef"})
    void should_refuse_codes_of_the_wrong_shape(String code) {
        assertThat(Totp.matchingStep(SHA1_SEED, code, Instant.ofEpochSecond(59)))
                .isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(longs = {59, 1111111109})
    void should_give_the_six_digit_tail_of_the_sha1_vector(long seconds) {
        String eight = Totp.code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(seconds)), 8, "HmacSHA1");
        assertThat(Totp.code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(seconds))))
                .isEqualTo(eight.substring(2));
    }
}

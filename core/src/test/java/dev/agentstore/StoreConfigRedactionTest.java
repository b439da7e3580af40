package dev.agentstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a password is written into a URL is masked when a configuration is printed. */
class StoreConfigRedactionTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "redis://:s3cret-only-password@cache:6379 | redis://****@cache:6379",
                "rediss://app:p@ss/w:rd@cache:6380/0 | rediss://****@cache:6380/0",
                "redis://:first-secret@a:1,redis://u:second-secret@b:2 | redis://****@a:1,redis://****@b:2",
                "jdbc:postgresql://db/app?user=app&password=url-secret&ssl=true"
                        + " | jdbc:postgresql://db/app?user=app&password=****&ssl=true",
                "jdbc:postgresql://db/app?sslpassword=key-secret | jdbc:postgresql://db/app?sslpassword=****",
                "redis://cache:6379 | redis://cache:6379"
            })
    void should_mask_the_user_info_of_every_url_and_every_password_parameter(String url, String shown) {
        assertThat(StoreConfig.redact(url)).isEqualTo(shown);
        String printed = StoreConfig.builder().set("redis.url", url).build().toString();
        assertThat(printed).contains(shown).doesNotContain("secret").doesNotContain("p@ss");
    }
}

package dev.agentstore.postgres.spi;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConfigurationException;
import dev.agentstore.Secret;
import dev.agentstore.StoreConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlsPolicyTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://db.example.com:5432/app?sslmode=verify-full&sslrootcert=/etc/ca.pem",
                "jdbc:postgresql://db.example.com/app",
                "jdbc:postgresql://db.example.com/app?sslmode=require",
                "jdbc:postgresql://localhost:5432/app?sslmode=disable",
                "jdbc:postgresql://127.0.0.1:6543/app?sslmode=disable",
                "jdbc:postgresql://[::1]:5432/app?sslmode=disable",
                "jdbc:postgresql:app?sslmode=disable"
            })
    void should_accept_tls_and_plaintext_on_loopback(String url) {
        assertThatCode(() -> TlsPolicy.check(config(url, false))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://db.example.com:5432/app?sslmode=disable",
                "jdbc:postgresql://10.0.0.5/app?user=x&sslmode=allow",
                "jdbc:postgresql://localhost:5432,db.example.com:5432/app?sslmode=disable"
            })
    void should_refuse_plaintext_to_another_machine_unless_allowed(String url) {
        assertThatThrownBy(() -> TlsPolicy.check(config(url, false)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("postgres.allow-plaintext")
                .hasMessageNotContaining("example.com");
        assertThatCode(() -> TlsPolicy.check(config(url, true))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://replica.example.com:5432/app?sslmode=disable",
                "jdbc:postgresql://10.0.0.6/app?password=hunter2&sslmode=allow"
            })
    void should_refuse_plaintext_to_a_replica_on_another_machine_unless_allowed(String replica) {
        String primary = "jdbc:postgresql://127.0.0.1:5432/app?sslmode=disable";
        assertThatThrownBy(() -> TlsPolicy.check(config(primary, replica, false)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("postgres.replica-urls asks for sslmode=")
                .hasMessageNotContaining("example.com")
                .hasMessageNotContaining("hunter2");
        assertThatCode(() -> TlsPolicy.check(config(primary, replica, true))).doesNotThrowAnyException();
    }

    private static PostgresSettings config(String url, boolean allowPlaintext) {
        return config(url, "", allowPlaintext);
    }

    private static PostgresSettings config(String url, String replicas, boolean allowPlaintext) {
        return PostgresSettings.read(StoreConfig.builder()
                .set("postgres.url", url)
                .set("postgres.user", "app")
                .setSecret("postgres.password", Secret.of("pw"))
                .set("postgres.allow-plaintext", Boolean.toString(allowPlaintext))
                .set("postgres.replica-urls", replicas)
                .build());
    }
}

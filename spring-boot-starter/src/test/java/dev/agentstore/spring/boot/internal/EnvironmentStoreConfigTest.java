package dev.agentstore.spring.boot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConfigurationException;
import dev.agentstore.StoreConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Spring's property sources read into a {@link StoreConfig}: relaxed names, precedence, variables, durations. */
class EnvironmentStoreConfigTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "agentstore.postgres.url, postgres.url",
        "agentstore.postgres.pool-size, postgres.pool-size",
        "agentstore.postgres.poolSize, postgres.pool-size",
        "agentstore.postgres.pool_size, postgres.pool-size",
        "AGENTSTORE.POSTGRES.URL, postgres.url",
        "agentstore.defaultTenant, default-tenant",
        "agentstore.security.minPasswordLengthWithTotp, security.min-password-length-with-totp",
        "agentstore.provider.responseCache, provider.response-cache",
        "agentstore.provider[response-cache], provider.response-cache",
        "agentstore.encryption.key.K2026, encryption.key.K2026",
        "agentstore.encryption.activeKey, encryption.active-key"
    })
    void should_read_every_relaxed_spelling_as_the_stores_key(String name, String key) {
        assertThat(EnvironmentStoreConfig.propertyKey(name)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"spring.ai.vectorstore.agentstore.collection", "agentstorex.timeout", "server.port"})
    void should_ignore_properties_of_others(String name) {
        assertThat(EnvironmentStoreConfig.propertyKey(name)).isNull();
    }

    @Test
    void should_let_the_higher_ranked_source_win_whatever_the_spelling() {
        StandardEnvironment environment = environment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("high", Map.of("agentstore.defaultTenant", "high")));
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "low", Map.of("agentstore.default-tenant", "low", "agentstore.postgres.schema", "chat")));

        StoreConfig config = EnvironmentStoreConfig.read(environment);

        assertThat(config.defaultTenant()).isEqualTo("high");
        assertThat(config.get("postgres.schema")).isEqualTo("chat");
    }

    @Test
    void should_read_agentstore_variables_as_the_environment_reader_names_them() {
        StandardEnvironment environment = environment();
        environment
                .getPropertySources()
                .addLast(new SystemEnvironmentPropertySource(
                        "env",
                        Map.of(
                                "AGENTSTORE_SECURITY_MIN_PASSWORD_LENGTH", "20",
                                "AGENTSTORE_ENCRYPTION_KEY_K2026", "a2V5",
                                "PATH", "/usr/bin")));

        StoreConfig config = EnvironmentStoreConfig.read(environment);

        assertThat(config.properties())
                .containsOnly(
                        Map.entry("security.min-password-length", "20"), Map.entry("encryption.key.K2026", "a2V5"));
    }

    @Test
    void should_resolve_placeholders_and_accept_springs_duration_form() {
        StandardEnvironment environment = environment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "app",
                        Map.of(
                                "tenant.of.this.app", "acme",
                                "agentstore.default-tenant", "${tenant.of.this.app}",
                                "agentstore.timeout", "10s",
                                "agentstore.security.max-lockout", "PT30M",
                                "agentstore.time-window.past", "30d")));

        StoreConfig config = EnvironmentStoreConfig.read(environment);

        assertThat(config.defaultTenant()).isEqualTo("acme");
        assertThat(config.get("timeout")).isEqualTo("PT10S");
        assertThat(config.get("security.max-lockout")).isEqualTo("PT30M");
        assertThat(config.get("time-window.past")).isEqualTo("PT720H");
    }

    @Test
    void should_leave_a_bad_value_for_the_store_to_refuse_by_name() {
        StandardEnvironment environment = environment();
        environment.getPropertySources().addFirst(new MapPropertySource("app", Map.of("agentstore.timeout", "soon")));

        assertThatThrownBy(() -> EnvironmentStoreConfig.read(environment))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("timeout");
    }

    /** An environment without this machine's variables and system properties. */
    private static StandardEnvironment environment() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        return environment;
    }
}

package dev.agentstore.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.StoreConfig;
import dev.agentstore.spi.Setting;
import dev.agentstore.spi.SettingCatalog;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** With every module on the class path, each documented environment variable reaches the key its reader reads. */
class EnvironmentVariablesTest {
    @Test
    void every_declared_setting_is_reached_by_its_variable() {
        for (Setting<?> setting : SettingCatalog.discover().settings()) {
            if (!setting.isFamily()) {
                assertThat(StoreConfig.propertyOfVariable(setting.environmentVariable()))
                        .as(setting.environmentVariable())
                        .isEqualTo(setting.name());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "AGENTSTORE_POSTGRES_URL, postgres.url",
        "AGENTSTORE_POSTGRES_SECURITY_SCHEMA, postgres.security-schema",
        "AGENTSTORE_POSTGRES_ALLOW_RLS_BYPASS, postgres.allow-rls-bypass",
        "AGENTSTORE_PGVECTOR_LEAKPROOF_JSONB, pgvector.leakproof-jsonb",
        "AGENTSTORE_REDIS_POOL_SIZE, redis.pool-size",
        "AGENTSTORE_RATE_LIMIT_ON_FAILURE, rate-limit.on-failure",
        "AGENTSTORE_TIME_WINDOW_PAST, time-window.past",
        "AGENTSTORE_LIMITS_MESSAGE_BYTES_PER_CALL, limits.message-bytes-per-call",
        "AGENTSTORE_SECURITY_MIN_PASSWORD_LENGTH_WITH_TOTP, security.min-password-length-with-totp",
        "AGENTSTORE_PROVIDER_RESPONSE_CACHE, provider.response-cache",
        "AGENTSTORE_ENCRYPTION_KEY_K2026, encryption.key.K2026",
        "AGENTSTORE_ENCRYPTION_ACTIVE_KEY, encryption.active-key",
        "AGENTSTORE_POSTGRES_POOL_SIZ, postgres.pool-siz"
    })
    void should_map_the_variable_to_its_property(String variable, String property) {
        assertThat(StoreConfig.propertyOfVariable(variable)).isEqualTo(property);
    }

    @Test
    void should_read_a_whole_environment() {
        StoreConfig config = StoreConfig.fromEnvironment(Map.of(
                "AGENTSTORE_POSTGRES_POOL_SIZE", "4",
                "AGENTSTORE_SECURITY_LOCKOUT_AFTER", "3",
                "AGENTSTORE_RATE_LIMIT_ON_FAILURE", "deny",
                "PATH", "/bin"));
        assertThat(config.properties())
                .containsOnly(
                        Map.entry("postgres.pool-size", "4"),
                        Map.entry("security.lockout-after", "3"),
                        Map.entry("rate-limit.on-failure", "deny"));
        assertThat(config.passwordPolicy().maxFailures()).isEqualTo(3);
        assertThat(config.rateLimitsDenyOnFailure()).isTrue();
    }
}

package dev.agentstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every documented environment variable reaches the property its reader looks up. */
class EnvironmentNamesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "AGENTSTORE_POSTGRES_URL, postgres.url",
        "AGENTSTORE_POSTGRES_USER, postgres.user",
        "AGENTSTORE_POSTGRES_PASSWORD, postgres.password",
        "AGENTSTORE_POSTGRES_SCHEMA, postgres.schema",
        "AGENTSTORE_POSTGRES_SECURITY_SCHEMA, postgres.security-schema",
        "AGENTSTORE_POSTGRES_POOL_SIZE, postgres.pool-size",
        "AGENTSTORE_POSTGRES_LEAK_DETECTION, postgres.leak-detection",
        "AGENTSTORE_POSTGRES_ALLOW_PLAINTEXT, postgres.allow-plaintext",
        "AGENTSTORE_POSTGRES_ALLOW_RLS_BYPASS, postgres.allow-rls-bypass",
        "AGENTSTORE_PGVECTOR_LEAKPROOF_JSONB, pgvector.leakproof-jsonb",
        "AGENTSTORE_SECURITY_HARD_LOCK_AFTER, security.hard-lock-after",
        "AGENTSTORE_TIME_WINDOW_PAST, time-window.past",
        "AGENTSTORE_LIMITS_MESSAGE_BYTES_PER_CALL, limits.message-bytes-per-call",
        "AGENTSTORE_POSTGRES_MIGRATION_USER, postgres.migration-user",
        "AGENTSTORE_POSTGRES_MIGRATION_PASSWORD, postgres.migration-password",
        "AGENTSTORE_POSTGRES_INGEST_USER, postgres.ingest-user",
        "AGENTSTORE_POSTGRES_INGEST_PASSWORD, postgres.ingest-password",
        "AGENTSTORE_PGVECTOR_MAINTENANCE_WORK_MEM, pgvector.maintenance-work-mem",
        "AGENTSTORE_PGVECTOR_COLLECTION_CACHE_TTL, pgvector.collection-cache-ttl",
        "AGENTSTORE_PGVECTOR_BULK_LOAD_ROWS, pgvector.bulk-load-rows",
        "AGENTSTORE_REDIS_URL, redis.url",
        "AGENTSTORE_REDIS_CLUSTER, redis.cluster",
        "AGENTSTORE_REDIS_POOL_SIZE, redis.pool-size",
        "AGENTSTORE_RATE_LIMIT_ON_FAILURE, rate-limit.on-failure",
        "AGENTSTORE_MIGRATE_ON_OPEN, migrate-on-open",
        "AGENTSTORE_TIMEOUT, timeout",
        "AGENTSTORE_DEFAULT_TENANT, default-tenant",
        "AGENTSTORE_CONTEXT_CACHE_SIZE, context-cache-size",
        "AGENTSTORE_CONTEXT_CACHE_TTL, context-cache-ttl",
        "AGENTSTORE_PROVIDER_RESPONSE_CACHE, provider.response-cache",
        "AGENTSTORE_SECURITY_MIN_PASSWORD_LENGTH, security.min-password-length",
        "AGENTSTORE_SECURITY_MIN_PASSWORD_LENGTH_WITH_TOTP, security.min-password-length-with-totp",
        "AGENTSTORE_SECURITY_PASSWORD_HISTORY, security.password-history",
        "AGENTSTORE_SECURITY_LOCKOUT_AFTER, security.lockout-after",
        "AGENTSTORE_SECURITY_MAX_LOCKOUT, security.max-lockout",
        "AGENTSTORE_SECURITY_PASSWORD_BLOCKLIST_FILE, security.password-blocklist-file",
        "AGENTSTORE_ENCRYPTION_KEY_K2026, encryption.key.K2026",
        "AGENTSTORE_ENCRYPTION_ACTIVE_KEY, encryption.active-key"
    })
    void should_map_the_variable_to_its_property(String variable, String property) {
        assertThat(StoreConfig.propertyOfVariable(variable)).isEqualTo(property);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PATH", "agentstore_postgres_url", "AGENTSTOREX_URL", "JAVA_HOME"})
    void should_name_no_property_for_another_variable(String variable) {
        assertThat(StoreConfig.propertyOfVariable(variable)).isNull();
    }

    @Test
    void should_configure_the_password_policy_and_rate_limit_fallback_from_the_environment() {
        StoreConfig config = StoreConfig.fromEnvironment(Map.of(
                "AGENTSTORE_SECURITY_LOCKOUT_AFTER", "3",
                "AGENTSTORE_SECURITY_MIN_PASSWORD_LENGTH", "12",
                "AGENTSTORE_RATE_LIMIT_ON_FAILURE", "deny"));

        assertThat(config.passwordPolicy().maxFailures()).isEqualTo(3);
        assertThat(config.passwordPolicy().minLength()).isEqualTo(12);
        assertThat(config.rateLimitsDenyOnFailure()).isTrue();
    }
}

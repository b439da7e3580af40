package dev.agentstore.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConfigurationException;
import dev.agentstore.Secret;
import dev.agentstore.StoreConfig;
import dev.agentstore.memory.MemoryStoreProvider;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Declared settings: unknown keys, refused values, secrets, environment variables, clashing declarations. */
class SettingCatalogTest {
    static final Setting<String> URL = Setting.text("acme.url", "where Acme listens");
    static final Setting<Secret> TOKEN = Setting.secret("acme.api-token", "Acme's token");
    static final Setting<Integer> WORKERS = Setting.integer("acme.workers", 4, 1, 64, "worker threads");
    static final Setting<String> LABEL = Setting.text("acme.label.<name>", "a label");

    /** A provider that declares settings and serves nothing. */
    record AcmeProvider(List<Setting<?>> settings) implements StoreProvider {
        @Override
        public String id() {
            return "acme";
        }

        @Override
        public String artifact() {
            return "com.example:acme";
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of();
        }

        @Override
        public boolean isConfigured(StoreConfig config) {
            return false;
        }

        @Override
        public StoreBackend open(StoreContext context) {
            throw new UnsupportedOperationException();
        }
    }

    private final SettingCatalog catalog = SettingCatalog.of(
            List.of(new MemoryStoreProvider(), new AcmeProvider(List.of(URL, TOKEN, WORKERS, LABEL))));

    @Test
    void should_accept_declared_keys_and_family_members() {
        catalog.check(StoreConfig.builder()
                .set("acme.url", "tcp://acme")
                .set("acme.workers", "8")
                .set("acme.label.blue", "sky")
                .set("timeout", "PT2S")
                .build());
        assertThat(catalog.find("acme.label.blue")).contains(LABEL);
        assertThat(catalog.find("acme.label.")).isEmpty();
    }

    @Test
    void should_suggest_the_nearest_key_for_a_misspelling() {
        assertThatThrownBy(() -> catalog.check(
                        StoreConfig.builder().set("acme.wrokers", "8").build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("unknown setting 'acme.wrokers': did you mean 'acme.workers'?");
        assertThatThrownBy(() -> catalog.check(
                        StoreConfig.builder().set("acme.lable.blue", "x").build()))
                .hasMessageContaining("did you mean 'acme.label.<name>'?");
    }

    @Test
    void should_name_the_providers_found_for_a_key_nothing_is_close_to() {
        assertThatThrownBy(() -> catalog.check(StoreConfig.builder()
                        .set("cassandra.contact-points", "h1")
                        .build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no provider on the class path declares it (providers found: memory, acme)");
    }

    @Test
    void should_refuse_a_value_naming_key_and_rule_but_never_a_secret() {
        assertThatThrownBy(() -> catalog.check(
                        StoreConfig.builder().set("acme.workers", "65").build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("acme.workers must be a whole number from 1 to 64, but was '65'");
        Setting<String> pin = Setting.<String>of("acme.pin", "digits", null, "a pin", value -> {
                    throw new IllegalArgumentException("must be digits");
                })
                .masked();
        assertThatThrownBy(() -> pin.parse("acme.pin", "hunter2"))
                .hasMessage("acme.pin must be digits")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void should_parse_defaults_and_types() {
        StoreConfig empty = StoreConfig.defaults();
        assertThat(WORKERS.read(empty)).isEqualTo(4);
        assertThat(URL.read(empty)).isNull();
        assertThat(CoreSettings.TIMEOUT.read(empty)).isEqualTo(Duration.ofSeconds(5));
        assertThat(CoreSettings.MESSAGE_BYTES_PER_CALL.read(empty)).isEqualTo(16L << 20);
        assertThat(TOKEN.read(StoreConfig.builder()
                                .set("acme.api-token", "t0k3n")
                                .build())
                        .reveal())
                .isEqualTo("t0k3n");
        assertThatThrownBy(() -> Setting.integer("acme.bad", 0, 1, 2, "a default outside its range"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Setting.text("Acme.URL", "not lowercase"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_map_environment_variables_to_declared_keys() {
        assertThat(catalog.propertyOfVariable("AGENTSTORE_ACME_API_TOKEN")).isEqualTo("acme.api-token");
        assertThat(catalog.propertyOfVariable("AGENTSTORE_ACME_LABEL_BLUE_SKY")).isEqualTo("acme.label.blue-sky");
        assertThat(catalog.propertyOfVariable("AGENTSTORE_RATE_LIMIT_ON_FAILURE"))
                .isEqualTo("rate-limit.on-failure");
        assertThat(catalog.propertyOfVariable("AGENTSTORE_ENCRYPTION_KEY_K2026"))
                .isEqualTo("encryption.key.K2026");
        assertThat(catalog.propertyOfVariable("AGENTSTORE_PROVIDER_RESPONSE_CACHE"))
                .isEqualTo("provider.response-cache");
        assertThat(catalog.propertyOfVariable("AGENTSTORE_OTHER_POOL_SIZE")).isEqualTo("other.pool-size");
        assertThat(catalog.propertyOfVariable("AGENTSTORE_TIMEOUT")).isEqualTo("timeout");
        assertThat(catalog.propertyOfVariable("JAVA_HOME")).isNull();
        assertThat(TOKEN.environmentVariable()).isEqualTo("AGENTSTORE_ACME_API_TOKEN");
        assertThat(LABEL.environmentVariable()).isEqualTo("AGENTSTORE_ACME_LABEL_<NAME>");
    }

    @Test
    void should_mask_a_declared_secret_when_the_configuration_is_printed() {
        assertThat(Setting.secret("acme.pin", "a pin").isSecret()).isTrue();
        assertThat(StoreConfig.builder()
                        .set("encryption.active-key", "k1")
                        .set("acme.api-token", "t0k3n")
                        .build()
                        .toString())
                .doesNotContain("t0k3n");
    }

    @Test
    void should_refuse_one_key_declared_two_ways() {
        Setting<Integer> other = Setting.integer("acme.workers", 8, 1, 64, "more workers");
        assertThatThrownBy(() -> SettingCatalog.of(
                        List.of(new AcmeProvider(List.of(WORKERS)), new AcmeProvider(List.of(other)))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("acme.workers");
        assertThat(SettingCatalog.of(List.of(new AcmeProvider(List.of(WORKERS)), new AcmeProvider(List.of(WORKERS))))
                        .settings())
                .containsOnlyOnce(WORKERS);
    }
}

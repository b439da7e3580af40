package dev.agentstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.ConfigurationException;
import dev.agentstore.Secret;
import dev.agentstore.StoreConfig;
import dev.agentstore.memory.MemoryStoreProvider;
import dev.agentstore.spi.Capability;
import dev.agentstore.spi.Setting;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.spi.StoreProvider;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderSelectionTest {

    /** A provider that serves models from its own memory backend when "fake.enabled" is set. */
    record FakeProvider(String id, Set<Capability> yieldingCapabilities) implements StoreProvider {
        static final Setting<Boolean> ENABLED = Setting.flag("fake.enabled", false, "serve models from memory");

        FakeProvider(String id) {
            this(id, Set.of());
        }

        @Override
        public String artifact() {
            return "com.example:" + id;
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.MODELS);
        }

        @Override
        public List<Setting<?>> settings() {
            return List.of(ENABLED);
        }

        @Override
        public boolean isConfigured(StoreConfig config) {
            return ENABLED.read(config);
        }

        @Override
        public StoreBackend open(StoreContext context) {
            return new MemoryStoreProvider().open(context);
        }
    }

    @Test
    void should_fall_back_to_memory_with_no_backend_configured() {
        try (AgentStore store = AgentStore.inMemory()) {
            assertThat(store.health().components()).containsOnlyKeys("memory");
            assertThat(store.health().isUp()).isTrue();
        }
    }

    @Test
    void should_use_the_only_configured_provider_for_its_capability() {
        StoreConfig config = StoreConfig.builder().set("fake.enabled", "true").build();
        try (AgentStore store = AgentStore.open(config, Clock.systemUTC(), new FakeProvider("fake"))) {
            assertThat(store.health().components()).containsKeys("memory", "fake");
        }
    }

    @Test
    void should_fail_naming_every_candidate_when_several_could_serve() {
        StoreConfig config = StoreConfig.builder().set("fake.enabled", "true").build();
        assertThatThrownBy(() ->
                        AgentStore.open(config, Clock.systemUTC(), new FakeProvider("one"), new FakeProvider("two")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("one")
                .hasMessageContaining("two")
                .hasMessageContaining("provider.models");
    }

    @Test
    void should_choose_the_only_candidate_that_does_not_yield() {
        StoreConfig config = StoreConfig.builder().set("fake.enabled", "true").build();
        FakeProvider durable = new FakeProvider("durable", Set.of(Capability.MODELS));
        try (AgentStore store = AgentStore.open(config, Clock.systemUTC(), durable, new FakeProvider("fast"))) {
            assertThat(store.health().components()).containsKeys("fast").doesNotContainKey("durable");
        }
        FakeProvider alsoYielding = new FakeProvider("other", Set.of(Capability.MODELS));
        assertThatThrownBy(() -> AgentStore.open(config, Clock.systemUTC(), durable, alsoYielding))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("provider.models");
    }

    @Test
    void should_honour_an_explicit_choice_among_several() {
        StoreConfig config = StoreConfig.builder()
                .set("fake.enabled", "true")
                .provider("models", "two")
                .build();
        try (AgentStore store =
                AgentStore.open(config, Clock.systemUTC(), new FakeProvider("one"), new FakeProvider("two"))) {
            assertThat(store.health().components()).containsKeys("two").doesNotContainKey("one");
        }
    }

    @Test
    void should_fail_when_the_named_provider_is_missing() {
        StoreConfig config =
                StoreConfig.builder().provider("vectors", "pgvector").build();
        assertThatThrownBy(() -> AgentStore.open(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("pgvector")
                .hasMessageContaining("Providers found: memory");
    }

    @Test
    void should_refuse_a_setting_no_provider_on_the_class_path_declares() {
        StoreConfig config = StoreConfig.builder()
                .set("postgres.url", "jdbc:postgresql://db/app")
                .set("postgres.user", "app")
                .setSecret("postgres.password", Secret.of("pw"))
                .build();
        assertThatThrownBy(() -> AgentStore.open(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown setting 'postgres.")
                .hasMessageContaining("providers found: memory")
                .hasMessageContaining("Add the module of the provider that reads it");
    }

    @Test
    void should_suggest_the_nearest_key_for_a_misspelled_one() {
        StoreConfig config = StoreConfig.builder()
                .set("fake.enabled", "true")
                .set("fake.enabeld", "true")
                .build();
        assertThatThrownBy(() -> AgentStore.open(config, Clock.systemUTC(), new FakeProvider("fake")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown setting 'fake.enabeld': did you mean 'fake.enabled'?");
        StoreConfig core = StoreConfig.builder().set("context-cache-sise", "20").build();
        assertThatThrownBy(() -> AgentStore.open(core))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("did you mean 'context-cache-size'?");
    }

    @Test
    void should_refuse_a_value_its_provider_declaration_refuses_before_opening() {
        StoreConfig config = StoreConfig.builder().set("fake.enabled", "yes").build();
        assertThatThrownBy(() -> AgentStore.open(config, Clock.systemUTC(), new FakeProvider("fake")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("fake.enabled must be true or false, but was 'yes'");
    }

    @Test
    void should_mask_secrets_when_printed() {
        StoreConfig config = StoreConfig.builder()
                .set("postgres.url", "jdbc:postgresql://db/app?password=hunter2")
                .set("postgres.user", "app")
                .setSecret("postgres.password", Secret.of("hunter2"))
                .set("redis.url", "redis://user:hunter2@cache:6379")
                .build();
        assertThat(config.toString()).doesNotContain("hunter2").contains("postgres.url");
        assertThat(Secret.of("hunter2").toString()).isEqualTo("****");
    }

    @Test
    void should_read_configuration_from_the_environment() {
        StoreConfig config = StoreConfig.fromEnvironment(Map.of(
                "AGENTSTORE_POSTGRES_POOL_SIZE",
                "4",
                "AGENTSTORE_DEFAULT_TENANT",
                "acme",
                "AGENTSTORE_PROVIDER_VECTORS",
                "pgvector",
                "AGENTSTORE_PGVECTOR_MAINTENANCE_WORK_MEM",
                "1GB",
                "PATH",
                "/bin"));
        assertThat(config.get("postgres.pool-size")).isEqualTo("4");
        assertThat(config.defaultTenant()).isEqualTo("acme");
        assertThat(config.get("provider.vectors")).isEqualTo("pgvector");
        assertThat(config.get("pgvector.maintenance-work-mem")).isEqualTo("1GB");
        assertThat(config.properties()).hasSize(4);
    }

    @Test
    void should_reject_invalid_configuration() {
        assertThatThrownBy(() -> StoreConfig.builder().set("timeout", "5s").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("timeout must be a positive ISO-8601 duration, such as PT30S, but was '5s'");
        assertThatThrownBy(() ->
                        StoreConfig.builder().set("context-cache-size", "0").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("context-cache-size must be a whole number from 1 to 1000, but was '0'");
    }
}

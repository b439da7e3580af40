package dev.agentstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.ConfigurationException;
import dev.agentstore.Secret;
import dev.agentstore.StoreConfig;
import dev.agentstore.memory.MemoryStoreProvider;
import dev.agentstore.spi.Capability;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.spi.StoreProvider;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderSelectionTest {

    /** A provider that serves models from its own memory backend when "fake.enabled" is set. */
    record FakeProvider(String id, Set<Capability> yieldingCapabilities) implements StoreProvider {
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
        public boolean isConfigured(StoreConfig config) {
            return "true".equals(config.get("fake.enabled"));
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
    void should_name_the_dependency_to_add_for_a_configured_url() {
        StoreConfig config = StoreConfig.builder()
                .postgres("jdbc:postgresql://db/app", "app", Secret.of("pw"))
                .build();
        assertThatThrownBy(() -> AgentStore.open(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("agentstore-store-postgres");
    }

    @Test
    void should_mask_secrets_when_printed() {
        StoreConfig config = StoreConfig.builder()
                .postgres("jdbc:postgresql://db/app?password=hunter2", "app", Secret.of("hunter2"))
                .redis("redis://user:hunter2@cache:6379")
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
        assertThatThrownBy(() -> StoreConfig.builder().schema("Bad-Schema").build())
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> StoreConfig.builder().set("timeout", "5s").build())
                .isInstanceOf(ConfigurationException.class);
    }
}

package dev.agentstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {
    @ParameterizedTest
    @ValueSource(strings = {"acme", "t-0190f3c2-aaaa", "org:42", "eu.west_1", "a@b", "7"})
    void should_accept_identifier_like_tenant_ids(String tenant) {
        try (AgentStore store = AgentStore.inMemory()) {
            assertThat(store.forTenant(tenant).tenant()).isEqualTo(tenant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a'b", "a\\\\b", "-leading", "with space", "semi;colon", "x\u0000"})
    void should_reject_tenant_ids_with_quoting_or_control_characters(String tenant) {
        try (AgentStore store = AgentStore.inMemory()) {
            assertThatThrownBy(() -> store.forTenant(tenant))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("tenantId");
        }
    }

    @Test
    void should_refuse_a_bad_default_tenant_in_the_configuration() {
        for (String tenant : new String[] {"a'b", "x".repeat(129)}) {
            assertThatThrownBy(() -> StoreConfig.builder().defaultTenant(tenant).build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("default-tenant");
        }
        assertThat(StoreConfig.builder().defaultTenant("x".repeat(128)).build().defaultTenant())
                .hasSize(128);
    }
}

package dev.agentstore.postgres.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantPrefixTest {
    @Test
    void should_set_the_tenant_for_the_transaction_and_mark_reads_read_only() {
        assertThat(new TenantPrefix("acme", false).withSettings(Map.of()))
                .isEqualTo("select set_config('agentstore.tenant_id', 'acme', true); ");
        assertThat(new TenantPrefix("acme", true).withSettings(Map.of()))
                .isEqualTo("select set_config('agentstore.tenant_id', 'acme', true),"
                        + " set_config('transaction_read_only', 'on', true); ");
    }

    @Test
    void should_write_settings_as_escaped_transaction_local_literals_in_order() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("hnsw.ef_search", "40");
        settings.put("application_name", "it's");

        assertThat(new TenantPrefix("acme", false).withSettings(settings))
                .isEqualTo("select set_config('agentstore.tenant_id', 'acme', true),"
                        + " set_config('hnsw.ef_search', '40', true),"
                        + " set_config('application_name', 'it''s', true); ");
    }

    @Test
    void should_refuse_a_backslash_or_nul_in_a_setting_rather_than_escape_it() {
        TenantPrefix prefix = new TenantPrefix("acme", false);

        assertThatThrownBy(() -> prefix.withSettings(Map.of("search_path", "a\\b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backslash");
        assertThatThrownBy(() -> prefix.withSettings(Map.of("a\0", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }
}

package dev.agentstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthTest {
    @Test
    void should_be_up_when_every_component_is_up_whatever_the_details_say() {
        Health health = new Health(
                Map.of("postgres", "up", "pgvector", "up"),
                Map.of("postgres.replica-1", "skipped: its check failed (SQL state 08001)"));

        assertThat(health.isUp()).isTrue();
        assertThat(new Health(Map.of("postgres", "up", "redis", "down: connection refused")).isUp())
                .isFalse();
    }

    @Test
    void should_copy_both_maps_and_have_no_details_unless_given() {
        Map<String, String> components = new HashMap<>(Map.of("memory", "up"));
        Map<String, String> details = new HashMap<>(Map.of("memory.note", "fine"));
        Health health = new Health(components, details);
        components.put("redis", "down: gone");
        details.clear();

        assertThat(health.components()).containsOnlyKeys("memory");
        assertThat(health.details()).containsEntry("memory.note", "fine");
        assertThat(new Health(Map.of("memory", "up")).details()).isEmpty();
    }
}

package dev.agentstore.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConfigurationException;
import dev.agentstore.StoreConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisSettingsTest {

    @Test
    void should_read_one_node_with_defaults() {
        RedisSettings settings = RedisSettings.from(
                StoreConfig.builder().set("redis.url", "redis://127.0.0.1:6379").build());
        assertThat(settings.nodes()).hasSize(1);
        assertThat(settings.cluster()).isFalse();
        assertThat(settings.poolSize()).isEqualTo(16);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void should_read_the_seed_nodes_of_a_cluster() {
        RedisSettings settings = RedisSettings.from(StoreConfig.builder()
                .set("redis.url", "redis://10.0.0.1:7000, redis://10.0.0.2:7000,redis://10.0.0.3:7000")
                .set("redis.cluster", "true")
                .set("redis.pool-size", "4")
                .build());
        assertThat(settings.nodes()).hasSize(3);
        assertThat(settings.cluster()).isTrue();
        assertThat(settings.poolSize()).isEqualTo(4);
    }

    @Test
    void should_print_no_password_of_any_node() {
        RedisSettings settings = RedisSettings.from(StoreConfig.builder()
                .set("redis.url", "redis://:only-s3cret@10.0.0.1:7000,rediss://app:p%40ss-s3cret@10.0.0.2:7000")
                .set("redis.cluster", "true")
                .build());
        assertThat(settings.toString())
                .contains("redis://****@10.0.0.1:7000", "rediss://****@10.0.0.2:7000")
                .doesNotContain("s3cret");
    }

    @Test
    void should_refuse_several_nodes_without_cluster_mode() {
        StoreConfig config = StoreConfig.builder()
                .set("redis.url", "redis://a:1,redis://b:2")
                .build();
        assertThatThrownBy(() -> RedisSettings.from(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("redis.cluster=true");
    }

    @Test
    void should_refuse_a_bad_url_without_repeating_its_password() {
        StoreConfig config = StoreConfig.builder()
                .set("redis.url", "http://user:s3cret@host:1")
                .build();
        assertThatThrownBy(() -> RedisSettings.from(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("redis.url")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void should_refuse_bad_cluster_and_pool_settings() {
        StoreConfig base =
                StoreConfig.builder().set("redis.url", "redis://host:1").build();
        assertThatThrownBy(() -> RedisSettings.from(
                        base.toBuilder().set("redis.cluster", "yes").build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("redis.cluster");
        assertThatThrownBy(() -> RedisSettings.from(
                        base.toBuilder().set("redis.pool-size", "0").build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("redis.pool-size");
    }
}

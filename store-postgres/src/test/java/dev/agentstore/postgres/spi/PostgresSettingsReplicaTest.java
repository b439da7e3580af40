package dev.agentstore.postgres.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConfigurationException;
import dev.agentstore.StoreConfig;
import dev.agentstore.StoreConfigBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresSettingsReplicaTest {

    @Test
    void should_read_no_replicas_by_default() {
        PostgresSettings settings = PostgresSettings.read(config().build());

        assertThat(settings.replicaUrls()).isEmpty();
        assertThat(settings.replicaMaxLag()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.replicaCheckInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void should_read_comma_separated_replica_urls_and_print_them_redacted() {
        PostgresSettings settings = PostgresSettings.read(config().set(
                        "postgres.replica-urls",
                        " jdbc:postgresql://r1:5432/app , jdbc:postgresql://r2:5432/app?password=hunter2")
                .build());

        assertThat(settings.replicaUrls())
                .isEqualTo(List.of("jdbc:postgresql://r1:5432/app", "jdbc:postgresql://r2:5432/app?password=hunter2"));
        assertThat(settings.toString()).contains("r1:5432").doesNotContain("hunter2");
    }

    @Test
    void should_refuse_an_entry_that_is_not_a_postgres_jdbc_url_without_repeating_the_value() {
        assertThatThrownBy(() -> PostgresSettings.read(config().set(
                                "postgres.replica-urls", "jdbc:postgresql://r1/app,mysql://r2/app?password=hunter2")
                        .build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("postgres.replica-urls")
                .hasMessageContaining("entry 2")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void should_refuse_a_check_interval_that_could_never_show_a_replica_within_the_maximum_lag() {
        assertThatThrownBy(() -> PostgresSettings.read(config().set("postgres.replica-urls", "jdbc:postgresql://r1/app")
                        .set("postgres.replica-max-lag", "PT1S")
                        .set("postgres.replica-check-interval", "PT1S")
                        .build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("postgres.replica-check-interval must be shorter than postgres.replica-max-lag");
    }

    @Test
    void should_refuse_a_maximum_lag_below_a_tenth_of_a_second() {
        assertThatThrownBy(() -> PostgresSettings.read(
                        config().set("postgres.replica-max-lag", "PT0.01S").build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("postgres.replica-max-lag");
    }

    private static StoreConfigBuilder config() {
        return StoreConfig.builder().set("postgres.url", "jdbc:postgresql://127.0.0.1:5432/app");
    }
}

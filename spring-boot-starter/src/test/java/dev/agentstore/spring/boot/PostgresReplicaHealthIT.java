package dev.agentstore.spring.boot;

import static dev.agentstore.testkit.fixture.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.testkit.fixture.ReplicatedPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter on a primary with a real streaming replica: the health indicator shows each backend's replica in use,
 * or skipped and why, and stays {@code UP} while the primary answers; the replica gauges reach the application's
 * registry.
 */
class PostgresReplicaHealthIT {
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(100);

    private static ReplicatedPostgres servers;

    @BeforeAll
    static void startPrimaryAndStandby() {
        servers = ReplicatedPostgres.start();
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void should_show_the_replicas_in_the_health_details_without_going_down_when_one_stops() {
        List<String> properties = new ArrayList<>();
        servers.storeConfig(Duration.ofSeconds(2), CHECK_INTERVAL)
                .properties()
                .forEach((key, value) -> properties.add("agentstore." + key + "=" + value));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        AgentstoreAutoConfiguration.class,
                        AgentstoreHealthAutoConfiguration.class,
                        AgentstoreMetricsAutoConfiguration.class))
                .withPropertyValues(properties.toArray(String[]::new))
                .withBean(MeterRegistry.class, () -> registry)
                .run(context -> {
                    AgentstoreHealthIndicator indicator = context.getBean(AgentstoreHealthIndicator.class);
                    servers.awaitStandbyCheckedCaughtUp(CHECK_INTERVAL);
                    Health health = indicator.health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails())
                            .containsEntry("postgres", "up")
                            .hasEntrySatisfying(
                                    "postgres.replica-1",
                                    line -> assertThat((String) line).startsWith("in use"))
                            .hasEntrySatisfying(
                                    "pgvector.replica-1",
                                    line -> assertThat((String) line).startsWith("in use"));
                    assertThat(registry.get("agentstore.postgres.replica.usable")
                                    .tag("replica", "1")
                                    .gauge()
                                    .value())
                            .isEqualTo(1.0);

                    servers.standby().stop();
                    try {
                        await(() -> detail(indicator, "postgres.replica-1").startsWith("skipped: "));
                        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
                    } finally {
                        servers.standby().start();
                    }
                });
    }

    private static String detail(AgentstoreHealthIndicator indicator, String name) {
        Map<String, Object> details = indicator.health().getDetails();
        return String.valueOf(details.get(name));
    }
}

package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.metrics.DailySummary;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The migration that keeps the daily cost per currency moves a summary's stored cost to its tenant's currency when
 * the tenant prices every model in one, for every tenant, and drops a sum the tenant added across currencies.
 */
class DailyCostMigrationIT {
    private static final LocalDate DAY = LocalDate.of(2026, 2, 3);

    @Test
    void should_move_single_currency_costs_and_drop_mixed_sums() {
        PostgresDatabase database = PostgresTestDatabase.migratedTo("21");
        model(database, "dollars", "a", "USD");
        model(database, "dollars", "b", "USD");
        model(database, "mixed", "a", "USD");
        model(database, "mixed", "b", "EUR");
        summary(database, "dollars", "1.2500");
        summary(database, "mixed", "7.5");
        summary(database, "unpriced", null);

        try (AgentStore store = AgentStore.open(
                database.storeConfig().toBuilder().migrateOnOpen(true).build())) {
            DailySummary dollars =
                    store.forTenant("dollars").metrics().dailySummary(DAY).orElseThrow();
            assertThat(dollars.costByCurrency()).containsOnlyKeys("USD");
            assertThat(dollars.cost("USD")).isEqualTo(new BigDecimal("1.2500"));
            assertThat(store.forTenant("mixed")
                            .metrics()
                            .dailySummary(DAY)
                            .orElseThrow()
                            .priced())
                    .isFalse();
            assertThat(store.forTenant("unpriced")
                            .metrics()
                            .dailySummary(DAY)
                            .orElseThrow()
                            .priced())
                    .isFalse();
        }
    }

    private static void model(PostgresDatabase database, String tenant, String name, String currency) {
        database.executeAsAdmin("insert into agentstore.models (tenant_id, id, name, format, context_length,"
                + " input_price_per_1k, output_price_per_1k, price_currency, active, created_at, updated_at)"
                + " values ('" + tenant + "', gen_random_uuid(), '" + name + "', 'API', 4096, 1, 2, '" + currency
                + "', true, now(), now())");
    }

    private static void summary(PostgresDatabase database, String tenant, String cost) {
        database.executeAsAdmin("insert into agentstore.daily_metrics_summary (tenant_id, day, requests, prompt_tokens,"
                + " completion_tokens, avg_tokens_per_second, p50_latency_ms, p95_latency_ms, p99_latency_ms,"
                + " cache_hit_rate, error_rate, cost, computed_at) values ('" + tenant + "', '" + DAY
                + "', 1, 1, 1, 1, 1, 1, 1, 0, 0, " + (cost == null ? "null" : cost) + ", now())");
    }
}

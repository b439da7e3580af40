package com.example.agentstore.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import dev.agentstore.testkit.contract.BadInputSweepContract;
import dev.agentstore.testkit.contract.FastStateContract;
import dev.agentstore.testkit.contract.TenantIsolationContract;
import dev.agentstore.testkit.contract.ValidationContract;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The example provider passes the contract suites that concern presence, on a real PostgreSQL with the runtime and
 * migration roles of a least-privilege setup (store-postgres serves its own capabilities beside it).
 */
class PostgresPresenceContractsIT {
    private static StoreConfig config;

    @BeforeAll
    static void migrate() {
        PostgresDatabase database = PostgresDatabase.create(TestServers.postgres());
        config = database.storeConfig();
        AgentStore.open(config.toBuilder().migrateOnOpen(true).build()).close();
    }

    static AgentStore open(Clock clock) {
        return AgentStore.open(config, clock);
    }

    @Test
    void presence_is_served_by_the_example_provider_under_row_level_security() {
        try (AgentStore store = open(Clock.systemUTC())) {
            assertThat(store.health().components()).containsKey(PostgresPresenceProvider.ID);
            store.forTenant("acme").presence().markActive("room", "ann", Duration.ofMinutes(1));
            assertThat(store.forTenant("acme").presence().count("room")).isEqualTo(1);
            assertThat(store.forTenant("globex").presence().count("room")).isZero();
        }
    }

    @Nested
    class FastState extends FastStateContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return open(clock);
        }
    }

    @Nested
    class TenantIsolation extends TenantIsolationContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return open(clock);
        }
    }

    @Nested
    class Validation extends ValidationContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return open(clock);
        }
    }

    @Nested
    class BadInputSweep extends BadInputSweepContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return open(clock);
        }
    }
}

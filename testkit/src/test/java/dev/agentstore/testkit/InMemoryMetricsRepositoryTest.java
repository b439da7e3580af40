package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.MetricsRepositoryContract;
import java.time.Clock;

class InMemoryMetricsRepositoryTest extends MetricsRepositoryContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.MetricSeriesContract;
import java.time.Clock;

class InMemoryMetricSeriesTest extends MetricSeriesContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

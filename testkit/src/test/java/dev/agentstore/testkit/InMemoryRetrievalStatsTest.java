package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.RetrievalStatsContract;
import java.time.Clock;

class InMemoryRetrievalStatsTest extends RetrievalStatsContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

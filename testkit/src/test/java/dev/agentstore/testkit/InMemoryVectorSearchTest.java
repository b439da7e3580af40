package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.VectorSearchContract;
import java.time.Clock;

class InMemoryVectorSearchTest extends VectorSearchContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

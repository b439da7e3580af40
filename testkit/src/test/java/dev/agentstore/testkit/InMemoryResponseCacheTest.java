package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.ResponseCacheContract;
import java.time.Clock;

class InMemoryResponseCacheTest extends ResponseCacheContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

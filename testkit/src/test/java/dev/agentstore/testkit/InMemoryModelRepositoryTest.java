package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.ModelRepositoryContract;
import java.time.Clock;

class InMemoryModelRepositoryTest extends ModelRepositoryContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

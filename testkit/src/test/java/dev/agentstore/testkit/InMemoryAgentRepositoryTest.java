package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.AgentRepositoryContract;
import java.time.Clock;

class InMemoryAgentRepositoryTest extends AgentRepositoryContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.SecurityRepositoryContract;
import java.time.Clock;

class InMemorySecurityRepositoryTest extends SecurityRepositoryContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

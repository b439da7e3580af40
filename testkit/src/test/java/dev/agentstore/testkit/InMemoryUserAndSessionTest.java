package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.UserAndSessionContract;
import java.time.Clock;

class InMemoryUserAndSessionTest extends UserAndSessionContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

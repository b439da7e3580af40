package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.ContextAssemblyContract;
import java.time.Clock;

class InMemoryContextAssemblyTest extends ContextAssemblyContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

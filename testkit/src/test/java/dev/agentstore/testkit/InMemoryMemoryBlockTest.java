package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.MemoryBlockContract;
import java.time.Clock;

class InMemoryMemoryBlockTest extends MemoryBlockContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

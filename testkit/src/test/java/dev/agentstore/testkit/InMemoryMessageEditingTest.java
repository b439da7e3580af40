package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.MessageEditingContract;
import java.time.Clock;

class InMemoryMessageEditingTest extends MessageEditingContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

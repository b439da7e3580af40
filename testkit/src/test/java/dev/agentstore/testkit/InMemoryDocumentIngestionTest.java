package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.DocumentIngestionContract;
import java.time.Clock;

class InMemoryDocumentIngestionTest extends DocumentIngestionContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

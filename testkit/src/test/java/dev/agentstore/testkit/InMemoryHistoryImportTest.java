package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.HistoryImportContract;
import java.time.Clock;

class InMemoryHistoryImportTest extends HistoryImportContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

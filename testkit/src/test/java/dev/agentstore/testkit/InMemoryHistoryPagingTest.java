package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.HistoryPagingContract;
import java.time.Clock;

class InMemoryHistoryPagingTest extends HistoryPagingContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

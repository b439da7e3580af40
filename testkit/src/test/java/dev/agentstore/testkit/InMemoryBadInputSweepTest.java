package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.BadInputSweepContract;
import java.time.Clock;

class InMemoryBadInputSweepTest extends BadInputSweepContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.TenantIsolationContract;
import java.time.Clock;

class InMemoryTenantIsolationTest extends TenantIsolationContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

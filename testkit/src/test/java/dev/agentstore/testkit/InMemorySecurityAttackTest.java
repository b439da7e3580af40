package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.SecurityAttackContract;
import java.time.Clock;

class InMemorySecurityAttackTest extends SecurityAttackContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

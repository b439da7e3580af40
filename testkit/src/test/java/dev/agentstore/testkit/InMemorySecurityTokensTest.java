package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.SecurityTokensContract;
import java.time.Clock;

class InMemorySecurityTokensTest extends SecurityTokensContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

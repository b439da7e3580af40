package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.SecretHygieneContract;
import java.time.Clock;

class InMemorySecretHygieneTest extends SecretHygieneContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

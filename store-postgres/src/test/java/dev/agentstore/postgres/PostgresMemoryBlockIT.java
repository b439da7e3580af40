package dev.agentstore.postgres;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.MemoryBlockContract;
import java.time.Clock;

class PostgresMemoryBlockIT extends MemoryBlockContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.open(PostgresTestDatabase.shared().storeConfig(), clock);
    }
}

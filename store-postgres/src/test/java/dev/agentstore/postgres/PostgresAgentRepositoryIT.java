package dev.agentstore.postgres;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.AgentRepositoryContract;
import java.time.Clock;

class PostgresAgentRepositoryIT extends AgentRepositoryContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.open(PostgresTestDatabase.shared().storeConfig(), clock);
    }
}

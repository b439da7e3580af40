package dev.agentstore.postgres;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.RecallContract;
import java.time.Clock;

class PostgresRecallIT extends RecallContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.open(PostgresTestDatabase.shared().storeConfig(), clock);
    }
}

package dev.agentstore.postgres;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.FeedbackRepositoryContract;
import java.time.Clock;

class PostgresFeedbackRepositoryIT extends FeedbackRepositoryContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.open(PostgresTestDatabase.shared().storeConfig(), clock);
    }
}

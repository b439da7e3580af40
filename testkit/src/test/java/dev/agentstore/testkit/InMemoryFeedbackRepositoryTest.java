package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.FeedbackRepositoryContract;
import java.time.Clock;

class InMemoryFeedbackRepositoryTest extends FeedbackRepositoryContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

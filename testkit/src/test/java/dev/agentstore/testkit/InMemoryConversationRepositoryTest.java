package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.ConversationRepositoryContract;
import java.time.Clock;

class InMemoryConversationRepositoryTest extends ConversationRepositoryContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

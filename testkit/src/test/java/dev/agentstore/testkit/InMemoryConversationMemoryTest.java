package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.ConversationMemoryContract;
import java.time.Clock;

class InMemoryConversationMemoryTest extends ConversationMemoryContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.ConversationRetentionContract;
import java.time.Clock;

class InMemoryConversationRetentionTest extends ConversationRetentionContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

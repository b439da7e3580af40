package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.ConversationActivityContract;
import java.time.Clock;

class InMemoryConversationActivityTest extends ConversationActivityContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

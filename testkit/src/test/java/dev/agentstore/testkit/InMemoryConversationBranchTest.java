package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.ConversationBranchContract;
import java.time.Clock;

class InMemoryConversationBranchTest extends ConversationBranchContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.inMemory(clock);
    }
}

package dev.agentstore.springai;

import dev.agentstore.AgentStore;

class InMemoryChatMemoryRepositoryIT extends ChatMemoryRepositoryContract {
    @Override
    protected AgentStore backend() {
        return TestStores.memory();
    }
}

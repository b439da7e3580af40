package dev.agentstore.springai;

import dev.agentstore.AgentStore;

class PostgresChatMemoryRepositoryIT extends ChatMemoryRepositoryContract {
    @Override
    protected AgentStore backend() {
        return TestStores.postgres();
    }
}

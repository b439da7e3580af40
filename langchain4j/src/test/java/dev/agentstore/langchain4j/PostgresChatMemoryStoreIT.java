package dev.agentstore.langchain4j;

import dev.agentstore.AgentStore;

class PostgresChatMemoryStoreIT extends ChatMemoryStoreContract {
    @Override
    protected AgentStore backend() {
        return TestStores.postgres();
    }
}

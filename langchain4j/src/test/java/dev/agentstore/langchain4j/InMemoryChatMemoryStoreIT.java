package dev.agentstore.langchain4j;

import dev.agentstore.AgentStore;

class InMemoryChatMemoryStoreIT extends ChatMemoryStoreContract {
    @Override
    protected AgentStore backend() {
        return TestStores.memory();
    }
}

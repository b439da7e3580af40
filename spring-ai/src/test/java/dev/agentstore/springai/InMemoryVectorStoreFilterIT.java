package dev.agentstore.springai;

import dev.agentstore.AgentStore;

class InMemoryVectorStoreFilterIT extends VectorStoreFilterContract {
    @Override
    protected AgentStore backend() {
        return TestStores.memory();
    }
}

package dev.agentstore.springai;

import dev.agentstore.AgentStore;

class PostgresVectorStoreFilterIT extends VectorStoreFilterContract {
    @Override
    protected AgentStore backend() {
        return TestStores.postgres();
    }
}

package dev.agentstore.pgvector;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.VectorSearchContract;
import dev.agentstore.testkit.fixture.MigratedPostgres;
import java.time.Clock;

class PgvectorVectorSearchIT extends VectorSearchContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.open(MigratedPostgres.shared().storeConfig(), clock);
    }
}

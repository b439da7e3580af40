package dev.agentstore.pgvector;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.VectorRepositoryContract;
import dev.agentstore.testkit.fixture.MigratedPostgres;
import java.time.Clock;

class PgvectorVectorRepositoryIT extends VectorRepositoryContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.open(MigratedPostgres.shared().storeConfig(), clock);
    }
}

package dev.agentstore.pgvector;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.RetrievalStatsContract;
import dev.agentstore.testkit.fixture.MigratedPostgres;
import java.time.Clock;

class PgvectorRetrievalStatsIT extends RetrievalStatsContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.open(MigratedPostgres.shared().storeConfig(), clock);
    }
}

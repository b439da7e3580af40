package dev.agentstore.pgvector;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.BadInputSweepContract;
import dev.agentstore.testkit.fixture.MigratedPostgres;
import java.time.Clock;

/** The bad-input sweep with vectors (and conversations, models, metrics, security) on PostgreSQL with pgvector. */
class PgvectorBadInputSweepIT extends BadInputSweepContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.open(MigratedPostgres.shared().storeConfig(), clock);
    }
}

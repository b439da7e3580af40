package dev.agentstore.pgvector;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.ValidationContract;
import dev.agentstore.testkit.fixture.MigratedPostgres;
import java.time.Clock;

class PgvectorValidationIT extends ValidationContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.open(MigratedPostgres.shared().storeConfig(), clock);
    }
}

package dev.agentstore.pgvector;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.TenantIsolationContract;
import dev.agentstore.testkit.fixture.MigratedPostgres;
import java.time.Clock;

class PgvectorTenantIsolationIT extends TenantIsolationContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.open(MigratedPostgres.shared().storeConfig(), clock);
    }
}

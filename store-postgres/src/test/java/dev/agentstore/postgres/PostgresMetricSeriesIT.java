package dev.agentstore.postgres;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.MetricSeriesContract;
import java.time.Clock;

class PostgresMetricSeriesIT extends MetricSeriesContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.open(PostgresTestDatabase.shared().storeConfig(), clock);
    }
}

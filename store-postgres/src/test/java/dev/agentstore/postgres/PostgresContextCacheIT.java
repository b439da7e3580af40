package dev.agentstore.postgres;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.ContextCacheContract;
import java.time.Clock;

/** PostgreSQL conversations behind the reference recent-context cache. */
class PostgresContextCacheIT extends ContextCacheContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        var config = PostgresTestDatabase.shared().storeConfig().toBuilder()
                .provider("context-cache", "memory")
                .set("context-cache-size", "5")
                .build();
        return AgentStore.open(config, clock);
    }
}

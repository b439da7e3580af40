package dev.agentstore.testkit;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import dev.agentstore.testkit.contract.ContextCacheContract;
import java.time.Clock;

/** The memory backend behind the reference recent-context cache (chosen by name, since it is optional). */
class InMemoryContextCacheTest extends ContextCacheContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        StoreConfig config = StoreConfig.builder()
                .provider("context-cache", "memory")
                .set("context-cache-size", "5")
                .build();
        return AgentStore.open(config, clock);
    }
}

package dev.agentstore.testkit;

import dev.agentstore.StoreConfig;
import dev.agentstore.memory.MemoryStoreProvider;
import dev.agentstore.spi.RecentMessagesCache;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.testkit.contract.RecentMessagesCacheContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

class InMemoryRecentMessagesCacheTest extends RecentMessagesCacheContract {
    private final StoreContext context = new StoreContext(
            StoreConfig.builder()
                    .set("context-cache-size", Integer.toString(CAPACITY))
                    .build(),
            Clock.systemUTC());
    private final StoreBackend backend = new MemoryStoreProvider().open(context);

    @Override
    protected RecentMessagesCache openCache(String tenant) {
        return backend.recentMessages(tenant);
    }

    @AfterEach
    void close() {
        backend.close();
        context.close();
    }
}

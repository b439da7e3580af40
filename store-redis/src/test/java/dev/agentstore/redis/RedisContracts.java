package dev.agentstore.redis;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import dev.agentstore.spi.RecentMessagesCache;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.testkit.contract.BadInputSweepContract;
import dev.agentstore.testkit.contract.ContextCacheContract;
import dev.agentstore.testkit.contract.FastStateContract;
import dev.agentstore.testkit.contract.RecentMessagesCacheContract;
import dev.agentstore.testkit.contract.ResponseCacheContract;
import dev.agentstore.testkit.contract.TenantIsolationContract;
import dev.agentstore.testkit.contract.UserErasureContract;
import dev.agentstore.testkit.contract.ValidationContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * Every contract suite that concerns Redis, against the deployment {@link #redisConfig()} points at: session
 * cache, rate limits, presence and flags; the response cache; the recent-context cache through its SPI and in
 * front of the (memory) conversations backend; validation; the bad-input sweep; tenant isolation.
 */
abstract class RedisContracts {
    /** A configuration pointing at the Redis deployment under test. */
    abstract StoreConfig redisConfig();

    /** A backend context on {@code config}; deployments given as the application's own client override it. */
    StoreContext context(StoreConfig config) {
        return new StoreContext(config, Clock.systemUTC());
    }

    /** Opens a store on {@code config}; deployments given as the application's own client override it. */
    AgentStore open(StoreConfig config, Clock clock) {
        return AgentStore.open(config, clock);
    }

    @Nested
    class FastState extends FastStateContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return open(redisConfig(), clock);
        }
    }

    @Nested
    class ResponseCache extends ResponseCacheContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return open(redisConfig(), clock);
        }
    }

    @Nested
    class ContextCache extends ContextCacheContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return open(redisConfig().toBuilder().set("context-cache-size", "5").build(), clock);
        }
    }

    @Nested
    class UserErasure extends UserErasureContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return open(redisConfig(), clock);
        }
    }

    @Nested
    class Validation extends ValidationContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return open(redisConfig(), clock);
        }
    }

    @Nested
    class BadInputSweep extends BadInputSweepContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return open(redisConfig(), clock);
        }
    }

    @Nested
    class TenantIsolation extends TenantIsolationContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return open(redisConfig(), clock);
        }
    }

    @Nested
    class RecentMessages extends RecentMessagesCacheContract {
        private StoreContext context;
        private StoreBackend backend;

        @Override
        protected RecentMessagesCache openCache(String tenant) {
            if (backend == null) {
                context = context(redisConfig().toBuilder()
                        .set("context-cache-size", Integer.toString(CAPACITY))
                        .build());
                backend = new RedisStoreProvider().open(context);
            }
            return backend.recentMessages(tenant);
        }

        @AfterEach
        void close() {
            if (backend != null) {
                backend.close();
            }
            context.close();
        }
    }
}

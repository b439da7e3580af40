package dev.agentstore.redis;

import dev.agentstore.StoreConfig;
import dev.agentstore.testkit.fixture.TestServers;

/** The contract suites against one Redis server. */
class RedisStandaloneIT extends RedisContracts {
    @Override
    StoreConfig redisConfig() {
        return TestServers.redis().storeConfig();
    }
}

package dev.agentstore.redis;

import dev.agentstore.StoreConfig;
import dev.agentstore.testkit.fixture.TestServers;

/** The contract suites against a local three-master Redis Cluster. */
class RedisClusterIT extends RedisContracts {
    @Override
    StoreConfig redisConfig() {
        return TestServers.redisCluster().storeConfig();
    }
}

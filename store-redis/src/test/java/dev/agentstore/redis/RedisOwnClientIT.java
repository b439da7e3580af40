package dev.agentstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.state.RateLimit;
import dev.agentstore.testkit.fixture.RedisServer;
import dev.agentstore.testkit.fixture.TestServers;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The contract suites on the application's own Jedis client, with no {@code redis.url} at all: store-redis serves
 * because the client was given, runs every command on it, and leaves it open when the store closes.
 */
class RedisOwnClientIT extends RedisContracts {
    private static RedisClient client;

    @BeforeAll
    static void connect() {
        RedisServer server = TestServers.redis();
        client = RedisClient.create(server.host(), server.port());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Override
    StoreConfig redisConfig() {
        return StoreConfig.builder().build();
    }

    @Override
    AgentStore open(StoreConfig config, Clock clock) {
        return AgentStore.builder(config)
                .clock(clock)
                .resource(UnifiedJedis.class, client)
                .open();
    }

    @Override
    StoreContext context(StoreConfig config) {
        return new StoreContext(config, Clock.systemUTC(), null, Map.of(UnifiedJedis.class, client));
    }

    @Test
    void should_serve_fast_state_on_the_applications_client_and_leave_it_open() {
        AgentStore store = open(redisConfig(), Clock.systemUTC());
        String key = "own-client-" + System.nanoTime();
        try (store) {
            assertThat(store.health().isUp()).isTrue();
            assertThat(store.rateLimits()
                            .tryAcquire(key, RateLimit.of(1, Duration.ofMinutes(1)))
                            .allowed())
                    .isTrue();
            assertThat(store.rateLimits()
                            .tryAcquire(key, RateLimit.of(1, Duration.ofMinutes(1)))
                            .allowed())
                    .isFalse();
        }
        assertThat(client.ping()).isEqualTo("PONG");
        assertThat(client.keys("*" + key + "*"))
                .as("the limit's key is in the application's Redis")
                .isNotEmpty();
    }
}

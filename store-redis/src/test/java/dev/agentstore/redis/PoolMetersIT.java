package dev.agentstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.state.RateLimit;
import dev.agentstore.testkit.fixture.LocalRedis;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store on PostgreSQL and Redis with a meter registry: HikariCP's own pool meters and the Jedis pool gauges are
 * bound to it, and the operation timers name the backend that served each call.
 */
class PoolMetersIT {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private LocalRedis redis;
    private PostgresDatabase database;

    @BeforeEach
    void startRedisAndDatabase() {
        redis = LocalRedis.launch();
        database = PostgresDatabase.create(TestServers.postgres());
    }

    @AfterEach
    void stopRedis() {
        redis.close();
    }

    @Test
    void should_bind_both_pools_and_time_each_backend() {
        StoreConfig config = database.storeConfig().toBuilder()
                .migrateOnOpen(true)
                .set("redis.url", redis.url())
                .build();
        try (AgentStore store =
                AgentStore.builder(config).meterRegistry(registry).open()) {
            Conversation chat = store.conversations()
                    .createConversation(NewConversation.forUser(store.conversations()
                            .upsertUser(NewUser.of("web", "ann"))
                            .id()));
            store.conversations().append(chat.id(), NewMessage.user("hello", 1));
            store.conversations().lastMessages(chat.id(), 5);
            store.conversations().lastMessages(chat.id(), 5);
            store.rateLimits().tryAcquire("api", RateLimit.of(3, Duration.ofMinutes(1)));

            Gauge total = registry.find("hikaricp.connections")
                    .tag("pool", "agentstore-postgres")
                    .gauge();
            assertThat(total).as("HikariCP's own meters").isNotNull();
            assertThat(total.value()).isPositive();
            assertThat(registry.find("agentstore.redis.pool.idle").gauge().value())
                    .as("the connection the rate-limit check used is back in the pool")
                    .isPositive();
            assertThat(registry.find("agentstore.redis.pool.active").gauge().value())
                    .isZero();
            assertThat(registry.find("agentstore.redis.pool.pending").gauge().value())
                    .isZero();

            assertThat(registry.find("agentstore.operation")
                            .tags("capability", "conversations", "operation", "append", "backend", "postgres")
                            .timer()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.find("agentstore.operation")
                            .tags("capability", "rate_limits", "operation", "tryAcquire", "backend", "redis")
                            .timer()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.find("agentstore.context.cache")
                            .tag("result", "hit")
                            .counter()
                            .count())
                    .as("the second read of the newest messages")
                    .isEqualTo(1);
        }
    }
}

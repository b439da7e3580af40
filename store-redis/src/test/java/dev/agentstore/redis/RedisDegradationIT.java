package dev.agentstore.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import dev.agentstore.StoreUnavailableException;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.User;
import dev.agentstore.state.RateLimit;
import dev.agentstore.state.RateLimitDecision;
import dev.agentstore.testkit.fixture.LocalRedis;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Redis stopped (its process ended by PID) or paused ({@code CLIENT PAUSE}) in the middle of a test: every call
 * returns within the configured timeout, conversations are read from PostgreSQL, rate limits fail open to an
 * in-JVM limiter (or closed, by configuration), and Redis is used again once it is back.
 */
class RedisDegradationIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration WITHIN = Duration.ofMillis(2_500);
    private static final RateLimit THREE_PER_MINUTE = RateLimit.of(3, Duration.ofMinutes(1));

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
    void should_read_conversations_from_postgres_while_redis_is_down_and_cache_again_after() {
        try (AgentStore store = open("local")) {
            Conversation chat = chatWith(store, 3);
            assertThat(store.conversations().lastMessages(chat.id(), 2)).hasSize(2);
            assertThat(contextKeys()).isNotEmpty();

            redis.stop();
            store.conversations().append(chat.id(), NewMessage.assistant("while down", 2));
            List<Message> newest =
                    returnsWithinTimeout(() -> store.conversations().lastMessages(chat.id(), 2));
            assertThat(newest).extracting(Message::content).containsExactly("m3", "while down");

            redis.start();
            assertThat(contextKeys()).isEmpty();
            assertThat(store.conversations().lastMessages(chat.id(), 2))
                    .extracting(Message::content)
                    .containsExactly("m3", "while down");
            assertThat(contextKeys()).as("filled again after the restart").isNotEmpty();
        }
    }

    @Test
    void should_limit_in_the_jvm_while_redis_is_down_and_use_redis_again_after() throws Exception {
        try (AgentStore store = open("local")) {
            assertThat(store.rateLimits().tryAcquire("api", THREE_PER_MINUTE).allowed())
                    .isTrue();

            redis.stop();
            for (int i = 0; i < 3; i++) {
                RateLimitDecision decision =
                        returnsWithinTimeout(() -> store.rateLimits().tryAcquire("api", THREE_PER_MINUTE));
                assertThat(decision.allowed()).as("call %d while down", i).isEqualTo(i < 3);
            }
            assertThat(returnsWithinTimeout(() -> store.rateLimits().tryAcquire("api", THREE_PER_MINUTE))
                            .allowed())
                    .as("the in-JVM limiter counts too")
                    .isFalse();

            redis.start();
            Thread.sleep(1_100);
            assertThat(store.rateLimits().tryAcquire("api", THREE_PER_MINUTE).remaining())
                    .as("counted in the restarted (empty) Redis again")
                    .isEqualTo(2);
            try (RedisClient raw = RedisClient.create(redis.host(), redis.port())) {
                assertThat(raw.keys("agentstore:*|rate|api}")).hasSize(1);
            }
        }
    }

    @Test
    void should_refuse_rate_limited_calls_while_down_when_configured_to_fail_closed() {
        try (AgentStore store = open("deny")) {
            redis.stop();
            RateLimitDecision decision =
                    returnsWithinTimeout(() -> store.rateLimits().tryAcquire("api", THREE_PER_MINUTE));
            assertThat(decision.allowed()).isFalse();
            assertThat(decision.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void should_fail_fast_and_typed_for_redis_only_state_while_down() {
        try (AgentStore store = open("local")) {
            store.sessions().put("s1", Map.of("user", "ann"), Duration.ofMinutes(5));
            redis.stop();
            returnsWithinTimeout(() -> assertThatThrownBy(() -> store.sessions().get("s1"))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("Redis"));
            assertThat(store.health().components().get("redis")).startsWith("down");

            redis.start();
            store.sessions().put("s1", Map.of("user", "ann"), Duration.ofMinutes(5));
            assertThat(store.sessions().get("s1")).isPresent();
            assertThat(store.health().components().get("redis")).isEqualTo("up");
        }
    }

    @Test
    void should_return_within_the_timeout_while_redis_is_paused() throws Exception {
        try (AgentStore store = open("local")) {
            Conversation chat = chatWith(store, 2);
            store.sessions().put("s1", Map.of(), Duration.ofMinutes(5));

            pauseRedis(Duration.ofSeconds(10));
            assertThat(returnsWithinTimeout(() -> store.conversations().lastMessages(chat.id(), 1)))
                    .extracting(Message::content)
                    .containsExactly("m2");
            assertThat(returnsWithinTimeout(() -> store.rateLimits().tryAcquire("api", THREE_PER_MINUTE))
                            .allowed())
                    .isTrue();
            returnsWithinTimeout(() ->
                    assertThatThrownBy(() -> store.sessions().get("s1")).isInstanceOf(StoreUnavailableException.class));
        }
    }

    private AgentStore open(String onFailure) {
        StoreConfig config = database.storeConfig().toBuilder()
                .migrateOnOpen(true)
                .set("redis.url", redis.url())
                .set("timeout", TIMEOUT.toString())
                .set("rate-limit.on-failure", onFailure)
                .build();
        return AgentStore.open(config);
    }

    private static Conversation chatWith(AgentStore store, int messages) {
        User user = store.conversations().upsertUser(NewUser.of("web", "ann"));
        Conversation chat = store.conversations().createConversation(NewConversation.forUser(user.id()));
        for (int i = 1; i <= messages; i++) {
            store.conversations().append(chat.id(), NewMessage.user("m" + i, 1));
        }
        return chat;
    }

    private void pauseRedis(Duration duration) throws Exception {
        Process pause = new ProcessBuilder(
                        "redis-cli",
                        "-p",
                        Integer.toString(redis.port()),
                        "CLIENT",
                        "PAUSE",
                        Long.toString(duration.toMillis()),
                        "ALL")
                .inheritIO()
                .start();
        assertThat(pause.waitFor()).isZero();
    }

    private List<String> contextKeys() {
        try (RedisClient raw = RedisClient.create(redis.host(), redis.port())) {
            return List.copyOf(raw.keys("agentstore:*|ctx|*"));
        }
    }

    private static <T> T returnsWithinTimeout(Callable<T> call) {
        long start = System.nanoTime();
        try {
            return call.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WITHIN);
        }
    }

    private static void returnsWithinTimeout(Runnable call) {
        returnsWithinTimeout(() -> {
            call.run();
            return null;
        });
    }
}

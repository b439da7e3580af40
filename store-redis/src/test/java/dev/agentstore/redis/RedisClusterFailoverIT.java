package dev.agentstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreUnavailableException;
import dev.agentstore.state.RateLimit;
import dev.agentstore.state.SessionCache;
import dev.agentstore.testkit.fixture.LocalRedis;
import dev.agentstore.testkit.fixture.LocalRedisCluster;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A Redis Cluster master killed mid-run (three masters with a replica each, node timeout 1 s): a call on its slots
 * waits and retries within its timeout, fails with {@link StoreUnavailableException} (never anything else) if the
 * replica has not taken over by then, and succeeds on the same store once it has, with the data the replica had;
 * rate limits then count exactly again in Redis for new windows.
 */
class RedisClusterFailoverIT {
    private static final Duration FAILOVER_BOUND = Duration.ofSeconds(15);

    private static LocalRedisCluster cluster;

    @BeforeAll
    static void launch() {
        cluster = LocalRedisCluster.launchWithReplicas();
    }

    @AfterAll
    static void close() {
        cluster.close();
    }

    @Test
    void should_fail_only_until_the_replica_took_over_then_serve_again_without_a_restart() throws Exception {
        String tenant = "failover-" + UUID.randomUUID();
        String sessionId = "s-" + UUID.randomUUID();
        try (AgentStore store = AgentStore.open(cluster.storeConfig())) {
            SessionCache sessions = store.forTenant(tenant).sessions();
            sessions.put(sessionId, Map.of("step", "before"), Duration.ofMinutes(10));
            LocalRedis master = cluster.masterOf("agentstore:{" + tenant + "|session|" + sessionId + "}");
            awaitReplicated(master);

            master.kill();
            long killed = System.nanoTime();
            long recovered = -1;
            while (System.nanoTime() - killed < FAILOVER_BOUND.toNanos() * 2) {
                try {
                    assertThat(sessions.get(sessionId)).isPresent();
                    recovered = System.nanoTime();
                    break;
                } catch (StoreUnavailableException e) {
                    Thread.sleep(50); // the only failure allowed while the replica takes over
                }
            }

            assertThat(recovered).as("a call succeeded again").isPositive();
            assertThat(Duration.ofNanos(recovered - killed)).isLessThan(FAILOVER_BOUND);
            assertThat(sessions.get(sessionId).orElseThrow().attributes()).containsEntry("step", "before");
            sessions.setAttribute(sessionId, "step", "after");
            assertThat(sessions.get(sessionId).orElseThrow().attributes()).containsEntry("step", "after");

            Thread.sleep(1_500); // past the rate limiter's one-second wait before it tries Redis again
            String limited = "after-failover-" + UUID.randomUUID();
            int allowed = 0;
            for (int i = 0; i < 10; i++) {
                if (store.forTenant(tenant)
                        .rateLimits()
                        .tryAcquire(limited, RateLimit.of(5, Duration.ofMinutes(1)))
                        .allowed()) {
                    allowed++;
                }
            }
            assertThat(allowed).isEqualTo(5);
            LocalRedis counter = cluster.masterOf("agentstore:{" + tenant + "|rate|" + limited + "}");
            try (Jedis node = new Jedis(counter.host(), counter.port())) {
                assertThat(node.exists("agentstore:{" + tenant + "|rate|" + limited + "}"))
                        .as("counted in Redis, not in the JVM's fallback")
                        .isTrue();
            }
        }
    }

    /** Waits until the master's replica has acknowledged every write so far. */
    private static void awaitReplicated(LocalRedis master) {
        try (Jedis node = new Jedis(master.host(), master.port())) {
            assertThat(node.waitReplicas(1, 5_000)).isEqualTo(1);
        }
    }
}

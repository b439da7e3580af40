package dev.agentstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import dev.agentstore.StoreUnavailableException;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.state.RateLimit;
import dev.agentstore.testkit.fixture.LocalPostgres;
import dev.agentstore.testkit.fixture.LocalRedis;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The fault soak: for a minute (or {@code -Dagentstore.soak.seconds}), three writers append messages (with
 * idempotency keys), record metric batches and upsert vector chunks for two tenants, retrying each write until it
 * is acknowledged, while a random half of the backends is terminated every 1 to 2 s ({@code pg_terminate_backend}), PostgreSQL is stopped
 * for 5 s and started again, and Redis is paused and later killed and restarted. Afterwards every acknowledged
 * write exists exactly once, a write never acknowledged at most once (and a batch all or nothing), nothing is
 * duplicated, nothing sits in the other tenant, and the recent-context cache agrees with PostgreSQL.
 */
class FaultSoakIT {
    private static final int WRITERS = 3;
    private static final int METRIC_BATCH = 300;
    private static final List<String> TENANTS = List.of("soak-a", "soak-b");

    private final SoakLedger ledger = new SoakLedger();
    private final Map<String, UUID> conversations = new HashMap<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger terminations = new AtomicInteger();

    @Test
    void should_keep_every_acknowledged_write_exactly_once_through_faults() throws Exception {
        Duration soak = Duration.ofSeconds(Long.getLong("agentstore.soak.seconds", 60));
        try (LocalPostgres postgres = LocalPostgres.launch();
                LocalRedis redis = LocalRedis.launch()) {
            PostgresDatabase database = PostgresDatabase.create(postgres);
            StoreConfig config = database.storeConfig().toBuilder()
                    .set("redis.url", redis.url())
                    .set("timeout", "PT2S")
                    .set("postgres.pool-size", "6")
                    .migrateOnOpen(true)
                    .build();
            try (AgentStore store = AgentStore.open(config)) {
                for (String tenant : TENANTS) {
                    AgentStore view = store.forTenant(tenant);
                    UUID user = view.conversations()
                            .upsertUser(NewUser.of("web", "soak"))
                            .id();
                    conversations.put(
                            tenant,
                            view.conversations()
                                    .createConversation(NewConversation.forUser(user))
                                    .id());
                    view.vectors().createCollection(CollectionSpec.of("soak", 4));
                }
                long deadline = System.nanoTime() + soak.toNanos();
                ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    running.add(threads.submit(() -> write(store, writer, deadline)));
                }
                running.add(threads.submit(() -> chaos(database, postgres, redis, deadline, soak)));
                for (Future<?> task : running) {
                    task.get(soak.toSeconds() + 120, TimeUnit.SECONDS);
                }
                threads.shutdown();
                verify(store, database);
                System.out.printf(
                        "soak %d s: %s; %d backends terminated, %d retried calls%n",
                        soak.toSeconds(), ledger.summary(), terminations.get(), retries.get());
            }
        }
        assertThat(ledger.failures()).isEmpty();
    }

    private void write(AgentStore store, int writer, long deadline) {
        Random random = new Random(writer);
        for (int n = 0; System.nanoTime() < deadline; n++) {
            String tenant = TENANTS.get(random.nextInt(TENANTS.size()));
            AgentStore view = store.forTenant(tenant);
            String name = tenant + "|w" + writer + "-" + n;
            float position = n;
            switch (n % 3) {
                case 0 ->
                    ledger.appends.put(
                            name,
                            retried(() -> view.conversations()
                                    .appendAll(conversations.get(tenant), List.of(NewMessage.user(name, 1)), name)));
                case 1 -> {
                    List<LlmRequestMetric> rows = batch(name); // the same rows on every retry
                    ledger.metricBatches.put(
                            tenant + "|" + batchId(name),
                            retried(() -> view.metrics().recordLlmBatch(rows)));
                }
                default ->
                    ledger.chunks.put(name, retried(() -> {
                        view.vectors().upsert("soak", List.of(Chunk.of(name, name, new float[] {1, position, writer, 1
                        })));
                        return null;
                    }));
            }
            try { // Redis-side calls ride along: they may fail while Redis is down, but only as unavailable
                view.rateLimits().tryAcquire("soak", RateLimit.of(1_000, Duration.ofSeconds(1)));
                view.conversations().lastMessages(conversations.get(tenant), 5);
            } catch (StoreUnavailableException expected) {
                // PostgreSQL is down or a backend was cut: a typed, retriable failure
            } catch (RuntimeException e) {
                ledger.record("a read threw " + e);
            }
        }
    }

    /** Retries a write on {@link StoreUnavailableException}; true when it was acknowledged. */
    private boolean retried(Supplier<Object> write) {
        for (int attempt = 0; attempt < 60; attempt++) {
            try {
                write.get();
                return true;
            } catch (StoreUnavailableException e) {
                retries.incrementAndGet();
                sleep(250);
            } catch (RuntimeException e) {
                ledger.record("a write threw " + e);
                return false;
            }
        }
        return false;
    }

    private void chaos(
            PostgresDatabase database, LocalPostgres postgres, LocalRedis redis, long deadline, Duration soak) {
        Random random = new Random(42);
        long start = System.nanoTime();
        boolean stopped = false;
        boolean paused = false;
        boolean killed = false;
        while (System.nanoTime() < deadline) {
            double elapsed = (System.nanoTime() - start) / (double) soak.toNanos();
            try {
                if (!stopped && elapsed > 0.33) {
                    stopped = true;
                    postgres.stop();
                    sleep(5_000);
                    postgres.start();
                } else if (!paused && elapsed > 0.55) {
                    paused = true;
                    new ProcessBuilder(
                                    "redis-cli", "-p", Integer.toString(redis.port()), "client", "pause", "3000", "all")
                            .start()
                            .waitFor();
                } else if (!killed && elapsed > 0.75) {
                    killed = true;
                    redis.stop();
                    sleep(3_000);
                    redis.start();
                } else {
                    terminateBackends(database);
                }
            } catch (Exception e) {
                ledger.record("chaos failed: " + e);
            }
            sleep(1_000 + random.nextInt(1_000));
        }
    }

    private void terminateBackends(PostgresDatabase database) {
        try (Connection admin = database.adminConnection();
                PreparedStatement kill = admin.prepareStatement("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where usename = ? and pid <> pg_backend_pid() and random() < 0.5")) {
            kill.setString(1, database.runtimeRole());
            try (ResultSet killed = kill.executeQuery()) {
                while (killed.next()) {
                    terminations.incrementAndGet();
                }
            }
        } catch (SQLException e) {
            // the server is restarting; the next round kills again
        }
    }

    private void verify(AgentStore store, PostgresDatabase database) throws SQLException {
        assertThat(ledger.appends.values()).as("acknowledged appends").contains(true);
        assertThat(ledger.metricBatches.values())
                .as("acknowledged metric batches")
                .contains(true);
        assertThat(ledger.chunks.values()).as("acknowledged chunks").contains(true);
        try (Connection admin = database.adminConnection()) {
            ledger.check(
                    "message",
                    SoakLedger.rows(admin, "select tenant_id, content from agentstore.messages"),
                    ledger.appends,
                    1);
            ledger.check(
                    "metric batch",
                    SoakLedger.rows(admin, "select tenant_id, session_id::text from agentstore.llm_metrics"),
                    ledger.metricBatches,
                    METRIC_BATCH);
            ledger.check(
                    "chunk",
                    SoakLedger.rows(admin, "select tenant_id, id from agentstore.vector_chunks"),
                    ledger.chunks,
                    1);
        }
        for (String tenant : TENANTS) {
            List<Message> cached = store.forTenant(tenant).conversations().lastMessages(conversations.get(tenant), 20);
            assertThat(cached).extracting(Message::content).allMatch(content -> content.startsWith(tenant + "|"));
        }
    }

    /** One batch of metrics, marked with the batch's id in the session column. */
    private static List<LlmRequestMetric> batch(String name) {
        UUID batch = batchId(name);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<LlmRequestMetric> metrics = new ArrayList<>(METRIC_BATCH);
        for (int i = 0; i < METRIC_BATCH; i++) {
            metrics.add(new LlmRequestMetric(
                    UUID.nameUUIDFromBytes((name + "#" + i).getBytes()),
                    now.plusMillis(i),
                    "m",
                    batch,
                    null,
                    10,
                    20,
                    100L,
                    null,
                    false,
                    true,
                    null));
        }
        return metrics;
    }

    private static UUID batchId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

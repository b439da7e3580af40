package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import java.time.Duration;
import java.util.Map;

/** The agentstore side of the Redis benchmark: the public session-cache and rate-limiter APIs of one tenant. */
final class AgentstoreState implements FastStateSide {
    private static final Duration TTL = Duration.ofMinutes(30);

    private final AgentStore store;
    private final int sessions;
    private final int rateKeys;

    AgentstoreState(AgentStore store, int sessions, int rateKeys) {
        this.store = store;
        this.sessions = sessions;
        this.rateKeys = rateKeys;
    }

    /** Stores the sessions, each with {@code attributes}. */
    void putSessions(Map<String, String> attributes) {
        for (int i = 0; i < sessions; i++) {
            store.sessions().put("s" + i, attributes, TTL);
        }
    }

    @Override
    public void getSession(int i) {
        store.sessions().get("s" + (i % sessions));
    }

    @Override
    public void touchSession(int i) {
        store.sessions().touch("s" + (i % sessions), TTL);
    }

    @Override
    public void acquire(int i) {
        store.rateLimits().tryAcquire("k" + (i % rateKeys), RedisBenchmark.LIMIT);
    }
}

package dev.agentstore.memory;

import dev.agentstore.state.RateLimit;
import dev.agentstore.state.RateLimitDecision;
import dev.agentstore.state.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Sliding-window log per key in memory: the timestamps of the calls counted in the last window. */
final class InMemoryRateLimiter implements RateLimiter {
    private final Clock clock;
    private final Map<String, Deque<Long>> windows = new HashMap<>();

    InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized RateLimitDecision tryAcquire(String key, RateLimit limit) {
        long now = clock.millis();
        long windowMillis = limit.window().toMillis();
        Deque<Long> calls = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!calls.isEmpty() && calls.peekFirst() <= now - windowMillis) {
            calls.pollFirst();
        }
        if (calls.size() < limit.permits()) {
            calls.addLast(now);
            return new RateLimitDecision(true, limit.permits() - calls.size(), Duration.ZERO);
        }
        long freesAt = calls.peekFirst() + windowMillis;
        return new RateLimitDecision(false, 0, Duration.ofMillis(Math.max(1, freesAt - now)));
    }

    @Override
    public synchronized void reset(String key) {
        windows.remove(key);
    }
}

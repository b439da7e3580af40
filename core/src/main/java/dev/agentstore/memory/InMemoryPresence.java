package dev.agentstore.memory;

import dev.agentstore.state.Presence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Presence of one tenant in memory: per scope, each member's expiry and last-seen time. */
final class InMemoryPresence implements Presence {
    private final Clock clock;
    private final Map<String, Map<String, Seen>> scopes = new HashMap<>();

    private record Seen(Instant at, Instant until) {}

    InMemoryPresence(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void markActive(String scope, String member, Duration ttl) {
        Instant now = clock.instant();
        scopes.computeIfAbsent(scope, s -> new HashMap<>()).put(member, new Seen(now, now.plus(ttl)));
    }

    @Override
    public synchronized boolean leave(String scope, String member) {
        boolean wasActive = isActive(scope, member);
        live(scope).remove(member);
        return wasActive;
    }

    @Override
    public synchronized int leaveEverywhere(String member) {
        int left = 0;
        for (String scope : scopes.keySet()) {
            if (leave(scope, member)) {
                left++;
            }
        }
        return left;
    }

    @Override
    public synchronized boolean isActive(String scope, String member) {
        return live(scope).containsKey(member);
    }

    @Override
    public synchronized long count(String scope) {
        return live(scope).size();
    }

    @Override
    public synchronized List<String> activeMembers(String scope, int limit) {
        return live(scope).entrySet().stream()
                .sorted(Comparator.comparing(
                                (Map.Entry<String, Seen> e) -> e.getValue().at())
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    private Map<String, Seen> live(String scope) {
        Instant now = clock.instant();
        Map<String, Seen> members = scopes.computeIfAbsent(scope, s -> new HashMap<>());
        members.values().removeIf(seen -> !now.isBefore(seen.until()));
        return members;
    }
}

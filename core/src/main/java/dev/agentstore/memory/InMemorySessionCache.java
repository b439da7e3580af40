package dev.agentstore.memory;

import dev.agentstore.state.CachedSession;
import dev.agentstore.state.SessionCache;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The session cache of one tenant in memory; expired sessions are dropped when next looked at. */
final class InMemorySessionCache implements SessionCache {
    private final Clock clock;
    private final Map<String, CachedSession> sessions = new HashMap<>();

    InMemorySessionCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized CachedSession put(String sessionId, Map<String, String> attributes, Duration ttl) {
        CachedSession session =
                new CachedSession(sessionId, attributes, clock.instant().plus(ttl));
        sessions.put(sessionId, session);
        return session;
    }

    @Override
    public synchronized Optional<CachedSession> get(String sessionId) {
        return Optional.ofNullable(live(sessionId));
    }

    @Override
    public synchronized Optional<CachedSession> touch(String sessionId, Duration ttl) {
        CachedSession s = live(sessionId);
        return s == null ? Optional.empty() : Optional.of(put(sessionId, s.attributes(), ttl));
    }

    @Override
    public synchronized Optional<CachedSession> setAttribute(String sessionId, String name, String value) {
        CachedSession s = live(sessionId);
        if (s == null) {
            return Optional.empty();
        }
        Map<String, String> attributes = new LinkedHashMap<>(s.attributes());
        attributes.put(name, value);
        CachedSession updated = new CachedSession(sessionId, attributes, s.expiresAt());
        sessions.put(sessionId, updated);
        return Optional.of(updated);
    }

    @Override
    public synchronized boolean remove(String sessionId) {
        boolean wasLive = live(sessionId) != null;
        sessions.remove(sessionId);
        return wasLive;
    }

    private CachedSession live(String sessionId) {
        CachedSession s = sessions.get(sessionId);
        if (s != null && !clock.instant().isBefore(s.expiresAt())) {
            sessions.remove(sessionId);
            return null;
        }
        return s;
    }
}

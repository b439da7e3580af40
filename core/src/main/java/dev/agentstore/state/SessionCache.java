package dev.agentstore.state;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Short-lived session state with a sliding expiry. Thread-safe. TTLs are 1 second to 30 days.
 */
public interface SessionCache {

    /** Stores (replaces) a session's attributes, expiring after {@code ttl}. */
    CachedSession put(String sessionId, Map<String, String> attributes, Duration ttl);

    /** The live session; reading does not extend it. */
    Optional<CachedSession> get(String sessionId);

    /** Extends a live session by {@code ttl} from now. Returns empty if it has expired or never existed. */
    Optional<CachedSession> touch(String sessionId, Duration ttl);

    /** Sets one attribute of a live session, keeping its expiry. Returns empty if the session is not live. */
    Optional<CachedSession> setAttribute(String sessionId, String name, String value);

    /**
     * Removes a session.
     *
     * @return whether a live session was removed
     */
    boolean remove(String sessionId);
}

package dev.agentstore.internal.validation;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Limits;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.OpenGuard;
import dev.agentstore.state.CachedSession;
import dev.agentstore.state.SessionCache;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Checks every argument before the backend sees it. */
public final class ValidatingSessionCache implements SessionCache {
    private final OpenGuard open;
    private static final Duration MIN_TTL = Duration.ofSeconds(1);
    private static final Duration MAX_TTL = Duration.ofDays(30);

    private final SessionCache backend;

    public ValidatingSessionCache(OpenGuard open, SessionCache backend) {
        this.open = open;
        this.backend = backend;
    }

    @Override
    public CachedSession put(String sessionId, Map<String, String> attributes, Duration ttl) {
        open.check();
        Check.name("sessionId", sessionId);
        Check.batch("attributes", Check.present("attributes", attributes).keySet(), 1_000);
        Map<String, String> copy = new LinkedHashMap<>();
        ((Map<?, ?>) attributes).forEach((k, v) -> {
            // Callers through raw types or other JVM languages can smuggle in other types; refuse them by name.
            if (!(k instanceof String key) || !(v instanceof String value)) {
                throw new InvalidInputException("attributes", "keys and values must be strings");
            }
            copy.put(
                    Check.name("attributes key", key),
                    Check.text("attributes." + key, value, Limits.MAX_METADATA_STRING_CHARS));
        });
        return backend.put(sessionId, copy, Durations.check("ttl", ttl, MIN_TTL, MAX_TTL));
    }

    @Override
    public Optional<CachedSession> get(String sessionId) {
        open.check();
        return backend.get(Check.name("sessionId", sessionId));
    }

    @Override
    public Optional<CachedSession> touch(String sessionId, Duration ttl) {
        open.check();
        return backend.touch(Check.name("sessionId", sessionId), Durations.check("ttl", ttl, MIN_TTL, MAX_TTL));
    }

    @Override
    public Optional<CachedSession> setAttribute(String sessionId, String name, String value) {
        open.check();
        return backend.setAttribute(
                Check.name("sessionId", sessionId),
                Check.name("name", name),
                Check.text("value", value, Limits.MAX_METADATA_STRING_CHARS));
    }

    @Override
    public boolean remove(String sessionId) {
        open.check();
        return backend.remove(Check.name("sessionId", sessionId));
    }
}

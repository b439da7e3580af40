package dev.agentstore.redis.internal;

import dev.agentstore.state.CachedSession;
import dev.agentstore.state.SessionCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The session cache of one tenant: a hash per session (see {@code session.lua}). */
final class RedisSessionCache implements SessionCache {
    private static final LuaScript SCRIPT = LuaScript.load("session");
    private static final String EXPIRES = "~exp";
    private static final String ATTRIBUTE = "a:";

    private final RedisConnections redis;
    private final Keys keys;
    private final Clock clock;

    RedisSessionCache(RedisConnections redis, Keys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public CachedSession put(String sessionId, Map<String, String> attributes, Duration ttl) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        List<String> args = new ArrayList<>(List.of(
                "put",
                Long.toString(now.toEpochMilli()),
                Long.toString(expiresAt.toEpochMilli()),
                Long.toString(ttl.toMillis())));
        attributes.forEach((name, value) -> {
            args.add(ATTRIBUTE + name);
            args.add(value);
        });
        run(sessionId, args);
        return new CachedSession(sessionId, attributes, Instant.ofEpochMilli(expiresAt.toEpochMilli()));
    }

    @Override
    public Optional<CachedSession> get(String sessionId) {
        Map<String, String> fields = redis.call(r -> r.hgetAll(keys.session(sessionId)));
        return live(sessionId, fields);
    }

    @Override
    public Optional<CachedSession> touch(String sessionId, Duration ttl) {
        Instant now = clock.instant();
        return session(
                sessionId,
                run(
                        sessionId,
                        List.of(
                                "touch",
                                Long.toString(now.toEpochMilli()),
                                Long.toString(now.plus(ttl).toEpochMilli()),
                                Long.toString(ttl.toMillis()))));
    }

    @Override
    public Optional<CachedSession> setAttribute(String sessionId, String name, String value) {
        String now = Long.toString(clock.millis());
        return session(sessionId, run(sessionId, List.of("set", now, ATTRIBUTE + name, value)));
    }

    @Override
    public boolean remove(String sessionId) {
        return ((Long) run(sessionId, List.of("remove", Long.toString(clock.millis())))) == 1L;
    }

    private Object run(String sessionId, List<String> args) {
        return redis.call(r -> SCRIPT.run(r, List.of(keys.session(sessionId)), args));
    }

    private Optional<CachedSession> live(String sessionId, Map<String, String> fields) {
        String expires = fields.get(EXPIRES);
        if (expires == null || Long.parseLong(expires) <= clock.millis()) {
            return Optional.empty();
        }
        return Optional.of(toSession(sessionId, fields));
    }

    private static Optional<CachedSession> session(String sessionId, Object reply) {
        if (!(reply instanceof List<?> flat)) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put((String) flat.get(i), (String) flat.get(i + 1));
        }
        return Optional.of(toSession(sessionId, fields));
    }

    private static CachedSession toSession(String sessionId, Map<String, String> fields) {
        Map<String, String> attributes = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            if (field.startsWith(ATTRIBUTE)) {
                attributes.put(field.substring(ATTRIBUTE.length()), value);
            }
        });
        return new CachedSession(sessionId, attributes, Instant.ofEpochMilli(Long.parseLong(fields.get(EXPIRES))));
    }
}

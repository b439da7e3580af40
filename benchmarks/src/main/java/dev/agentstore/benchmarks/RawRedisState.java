package dev.agentstore.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import redis.clients.jedis.RedisClient;

/**
 * The raw-Jedis side of the Redis benchmark: the same commands agentstore sends (HGETALL for a read, EVALSHA of
 * the same shipped Lua scripts for a touch and a rate-limit check) on keys of the same shape, with none of
 * agentstore's validation, key building or result decoding.
 */
final class RawRedisState implements FastStateSide {
    private static final long TTL_MILLIS = 1_800_000;

    private final RedisClient redis;
    private final int sessions;
    private final int rateKeys;
    private final String sessionScript;
    private final String rateScript;

    RawRedisState(RedisClient redis, int sessions, int rateKeys) {
        this.redis = redis;
        this.sessions = sessions;
        this.rateKeys = rateKeys;
        this.sessionScript = redis.scriptLoad(script("session"));
        this.rateScript = redis.scriptLoad(script("rate_limit"));
    }

    /** Stores the sessions, each with {@code attributes}. */
    void putSessions(Map<String, String> attributes) {
        long now = System.currentTimeMillis();
        for (int i = 0; i < sessions; i++) {
            List<String> args = new ArrayList<>(
                    List.of("put", Long.toString(now), Long.toString(now + TTL_MILLIS), Long.toString(TTL_MILLIS)));
            attributes.forEach((name, value) -> {
                args.add("a:" + name);
                args.add(value);
            });
            redis.evalsha(sessionScript, List.of(sessionKey(i)), args);
        }
    }

    /** The key of the i-th session, for redis-benchmark. */
    String sessionKey(int i) {
        return "raw:{bench|session|s" + (i % sessions) + "}";
    }

    /** The digest of the rate-limit script, for redis-benchmark. */
    String rateScriptSha() {
        return rateScript;
    }

    @Override
    public void getSession(int i) {
        redis.hgetAll(sessionKey(i));
    }

    @Override
    public void touchSession(int i) {
        long now = System.currentTimeMillis();
        redis.evalsha(
                sessionScript,
                List.of(sessionKey(i)),
                List.of("touch", Long.toString(now), Long.toString(now + TTL_MILLIS), Long.toString(TTL_MILLIS)));
    }

    @Override
    public void acquire(int i) {
        long now = System.currentTimeMillis();
        redis.evalsha(
                rateScript,
                List.of("raw:{bench|rate|k" + (i % rateKeys) + "}"),
                List.of(
                        Long.toString(now),
                        Long.toString(RedisBenchmark.LIMIT.window().toMillis()),
                        Integer.toString(RedisBenchmark.LIMIT.permits()),
                        now + ":" + Long.toHexString(ThreadLocalRandom.current().nextLong())));
    }

    private static String script(String name) {
        String path = "/dev/agentstore/redis/lua/" + name + ".lua";
        try (InputStream in = RawRedisState.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.agentstore.redis.internal;

import dev.agentstore.state.Presence;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Presence of one tenant: two sorted sets per scope (see {@code presence.lua}). */
final class RedisPresence implements Presence {
    private static final LuaScript SCRIPT = LuaScript.load("presence");

    private final RedisConnections redis;
    private final Keys keys;
    private final Clock clock;

    RedisPresence(RedisConnections redis, Keys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public void markActive(String scope, String member, Duration ttl) {
        run(scope, "mark", member, Long.toString(ttl.toMillis()));
    }

    @Override
    public boolean leave(String scope, String member) {
        return (Long) run(scope, "leave", member) == 1L;
    }

    /**
     * Finds the tenant's scopes with SCAN on every node and removes the member from both sets of each; counts the
     * scopes where it was still present, as {@link #leave} does.
     */
    @Override
    public int leaveEverywhere(String member) {
        int left = 0;
        long now = clock.millis();
        for (String until : redis.scan(keys.presenceUntilPattern())) {
            String seen = Keys.presenceSeenBeside(until);
            Double expiry = redis.call(r -> r.zscore(until, member));
            redis.call(r -> r.zrem(until, member) + r.zrem(seen, member));
            if (expiry != null && expiry > now) {
                left++;
            }
        }
        return left;
    }

    @Override
    public boolean isActive(String scope, String member) {
        Double until = redis.call(r -> r.zscore(keys.presenceUntil(scope), member));
        return until != null && until > clock.millis();
    }

    @Override
    public long count(String scope) {
        return (Long) run(scope, "count");
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> activeMembers(String scope, int limit) {
        return List.copyOf((List<String>) run(scope, "members", Integer.toString(limit)));
    }

    private Object run(String scope, String op, String... more) {
        String[] args = new String[2 + more.length];
        args[0] = op;
        args[1] = Long.toString(clock.millis());
        System.arraycopy(more, 0, args, 2, more.length);
        return redis.call(
                r -> SCRIPT.run(r, List.of(keys.presenceUntil(scope), keys.presenceSeen(scope)), List.of(args)));
    }
}

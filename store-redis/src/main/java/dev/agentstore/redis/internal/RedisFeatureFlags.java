package dev.agentstore.redis.internal;

import dev.agentstore.state.FeatureFlags;
import dev.agentstore.state.FlagContext;
import dev.agentstore.state.FlagScope;
import dev.agentstore.state.FlagValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Feature flags of one tenant: a hash per flag holding the tenant's value ({@code t}), channel values
 * ({@code c:<channel>}) and user values ({@code u:<user>}); global values sit in a hash per flag shared by every
 * tenant. Evaluating reads the tenant's candidates in one command, and the global value only if none is set.
 * Flags are configuration: their keys have no TTL.
 */
final class RedisFeatureFlags implements FeatureFlags {
    private static final String GLOBAL = "g";
    private static final String TENANT = "t";

    private final RedisConnections redis;
    private final Keys keys;

    RedisFeatureFlags(RedisConnections redis, Keys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public void set(String flag, FlagScope scope, FlagValue value) {
        redis.call(r -> r.hset(key(flag, scope), field(scope), FlagCodec.encode(value)));
    }

    @Override
    public boolean clear(String flag, FlagScope scope) {
        return redis.call(r -> r.hdel(key(flag, scope), field(scope))) == 1L;
    }

    /** Finds the tenant's flag hashes with SCAN on every node, and deletes the user's field from each. */
    @Override
    public int clearUser(String userId) {
        String field = field(FlagScope.user(userId));
        int removed = 0;
        for (String flag : redis.scan(keys.flagPattern())) {
            removed += redis.call(r -> r.hdel(flag, field)).intValue();
        }
        return removed;
    }

    @Override
    public Optional<FlagValue> evaluate(String flag, FlagContext context) {
        List<String> fields = new ArrayList<>();
        if (context.userId() != null) {
            fields.add(field(FlagScope.user(context.userId())));
        }
        if (context.channel() != null) {
            fields.add(field(FlagScope.channel(context.channel())));
        }
        fields.add(TENANT);
        Optional<String> scoped = redis.call(r -> r.hmget(keys.flag(flag), fields.toArray(String[]::new))).stream()
                .filter(Objects::nonNull)
                .findFirst();
        String stored = scoped.orElseGet(() -> redis.call(r -> r.hget(Keys.globalFlag(flag), GLOBAL)));
        return Optional.ofNullable(stored).map(FlagCodec::decode);
    }

    private String key(String flag, FlagScope scope) {
        return scope.level() == FlagScope.Level.GLOBAL ? Keys.globalFlag(flag) : keys.flag(flag);
    }

    private static String field(FlagScope scope) {
        return switch (scope.level()) {
            case GLOBAL -> GLOBAL;
            case TENANT -> TENANT;
            case CHANNEL -> "c:" + scope.id();
            case USER -> "u:" + scope.id();
        };
    }
}

package dev.agentstore.memory;

import dev.agentstore.state.FeatureFlags;
import dev.agentstore.state.FlagContext;
import dev.agentstore.state.FlagScope;
import dev.agentstore.state.FlagValue;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Feature flags of one tenant in memory, over the store's shared global values. */
final class InMemoryFeatureFlags implements FeatureFlags {
    private final GlobalFlags global;
    private final Map<String, FlagValue> scoped = new ConcurrentHashMap<>();

    InMemoryFeatureFlags(GlobalFlags global) {
        this.global = global;
    }

    @Override
    public void set(String flag, FlagScope scope, FlagValue value) {
        values(scope).put(key(flag, scope), value);
    }

    @Override
    public boolean clear(String flag, FlagScope scope) {
        return values(scope).remove(key(flag, scope)) != null;
    }

    @Override
    public int clearUser(String userId) {
        String prefix = key("", FlagScope.user(userId));
        int before = scoped.size();
        scoped.keySet().removeIf(key -> key.startsWith(prefix));
        return before - scoped.size();
    }

    @Override
    public Optional<FlagValue> evaluate(String flag, FlagContext context) {
        FlagScope[] order = {
            context.userId() == null ? null : FlagScope.user(context.userId()),
            context.channel() == null ? null : FlagScope.channel(context.channel()),
            FlagScope.tenant(),
            FlagScope.global()
        };
        for (FlagScope scope : order) {
            if (scope != null) {
                FlagValue value = values(scope).get(key(flag, scope));
                if (value != null) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    private Map<String, FlagValue> values(FlagScope scope) {
        return scope.level() == FlagScope.Level.GLOBAL ? global.values : scoped;
    }

    private static String key(String flag, FlagScope scope) {
        return scope.level() + "\u0000" + (scope.id() == null ? "" : scope.id()) + "\u0000" + flag;
    }
}

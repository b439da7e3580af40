package dev.agentstore.internal;

import dev.agentstore.ConfigurationException;
import dev.agentstore.StoreConfig;
import dev.agentstore.spi.Capability;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.spi.StoreProvider;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decides which provider serves each capability: the one the configuration names, else the only configured
 * provider that offers it (or, among several, the only one that does not yield it), else the fallback (the memory provider); an optional capability with no candidate
 * is left out unless named. Several candidates, or a named provider that is missing, fail with a message
 * listing every provider found.
 */
public final class ProviderSelection {
    private ProviderSelection() {}

    public static Map<Capability, StoreProvider> select(
            StoreContext context, List<StoreProvider> providers, StoreProvider fallback) {
        StoreConfig config = context.config();
        Map<String, StoreProvider> byId = new LinkedHashMap<>();
        for (StoreProvider provider : providers) {
            StoreProvider clash = byId.putIfAbsent(provider.id(), provider);
            if (clash != null && clash.getClass() != provider.getClass()) {
                throw new ConfigurationException("two providers share the id '" + provider.id() + "': "
                        + clash.getClass().getName() + " and "
                        + provider.getClass().getName());
            }
        }
        Map<Capability, StoreProvider> chosen = new EnumMap<>(Capability.class);
        for (Capability capability : Capability.values()) {
            StoreProvider provider = choose(context, capability, byId, fallback);
            if (provider != fallback || !capability.isOptional() || config.get(capability.configKey()) != null) {
                chosen.put(capability, provider);
            }
        }
        return chosen;
    }

    private static StoreProvider choose(
            StoreContext context, Capability capability, Map<String, StoreProvider> byId, StoreProvider fallback) {
        StoreConfig config = context.config();
        String named = config.get(capability.configKey());
        if (named != null) {
            StoreProvider provider = byId.get(named);
            if (provider == null || !provider.capabilities().contains(capability)) {
                throw new ConfigurationException(capability.configKey() + " names '" + named
                        + "', but no provider with that id serving " + capability + " is on the class path. "
                        + describe(byId));
            }
            return provider;
        }
        List<StoreProvider> candidates = byId.values().stream()
                .filter(p -> p != fallback && p.capabilities().contains(capability) && p.isConfigured(context))
                .toList();
        if (candidates.size() > 1) {
            List<StoreProvider> preferred = candidates.stream()
                    .filter(p -> !p.yieldingCapabilities().contains(capability))
                    .toList();
            if (preferred.size() == 1) {
                return preferred.get(0);
            }
            throw new ConfigurationException("several configured providers serve " + capability + ": "
                    + candidates.stream().map(StoreProvider::id).collect(Collectors.joining(", "))
                    + "; choose one with " + capability.configKey() + ". " + describe(byId));
        }
        return candidates.isEmpty() ? fallback : candidates.get(0);
    }

    private static String describe(Map<String, StoreProvider> byId) {
        return "Providers found: "
                + byId.values().stream()
                        .map(p -> p.id() + " (" + p.artifact() + ", serves " + p.capabilities() + ")")
                        .collect(Collectors.joining("; "));
    }
}

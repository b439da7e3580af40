package dev.agentstore.spi;

import dev.agentstore.ConfigurationException;
import dev.agentstore.StoreConfig;
import dev.agentstore.internal.ProviderDiscovery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every setting known to a store: {@link CoreSettings} and what each provider declares in {@link
 * StoreProvider#settings()}. It refuses configurations with keys no one reads (suggesting the nearest known key)
 * or values a declaration refuses, and maps {@code AGENTSTORE_*} environment variables to keys.
 */
public final class SettingCatalog {
    private static final String VARIABLE_PREFIX = "AGENTSTORE_";

    private final List<Setting<?>> settings;
    private final Map<String, Setting<?>> byVariable;
    private final List<String> providerIds;

    private SettingCatalog(List<Setting<?>> settings, List<String> providerIds) {
        this.settings = List.copyOf(settings);
        this.providerIds = List.copyOf(providerIds);
        Map<String, Setting<?>> variables = new LinkedHashMap<>();
        settings.stream().filter(s -> !s.isFamily()).forEach(s -> variables.put(s.environmentVariable(), s));
        this.byVariable = variables;
    }

    /**
     * Core's settings and those of {@code providers}.
     *
     * @throws ConfigurationException if two providers declare one key with different types or defaults
     */
    public static SettingCatalog of(Collection<? extends StoreProvider> providers) {
        Map<String, Setting<?>> byName = new LinkedHashMap<>();
        CoreSettings.ALL.forEach(s -> byName.put(s.name(), s));
        List<String> ids = new ArrayList<>();
        for (StoreProvider provider : providers) {
            ids.add(provider.id());
            for (Setting<?> setting : provider.settings()) {
                Setting<?> known = byName.putIfAbsent(setting.name(), setting);
                if (known != null
                        && known != setting
                        && (!known.type().equals(setting.type())
                                || !known.shownDefault().equals(setting.shownDefault()))) {
                    throw new ConfigurationException("provider " + provider.id() + " declares " + setting
                            + ", but it is already declared as " + known);
                }
            }
        }
        List<Setting<?>> sorted = new ArrayList<>(byName.values());
        sorted.sort(Comparator.comparing(Setting::name));
        return new SettingCatalog(sorted, ids);
    }

    /** Core's settings and those of every provider {@link java.util.ServiceLoader} finds on the class path. */
    public static SettingCatalog discover() {
        return of(ProviderDiscovery.discover(SettingCatalog.class.getClassLoader()));
    }

    /** Every setting, by name. */
    public List<Setting<?>> settings() {
        return settings;
    }

    /** The setting {@code key} is, or is a member of. */
    public Optional<Setting<?>> find(String key) {
        return settings.stream().filter(s -> s.matches(key)).findFirst();
    }

    /**
     * Checks every key of {@code config}: it must be declared, and its value must follow the declaration.
     *
     * @throws ConfigurationException naming the first key at fault, with the nearest known key when one is close
     */
    public void check(StoreConfig config) {
        for (String key : config.properties().keySet()) {
            Setting<?> setting = find(key).orElseThrow(() -> unknown(key));
            setting.read(config, key);
        }
    }

    /**
     * The key an environment variable sets, or null if its name does not start with {@code AGENTSTORE_}: the
     * declared setting whose {@link Setting#environmentVariable()} it is; a member of a family (the part after the
     * family's prefix is kept as spelled for an {@code <id>} placeholder, else lower-cased with dashes); otherwise
     * the longest known group ({@code RATE_LIMIT_} for {@code rate-limit.}) and the rest lower-cased with dashes;
     * failing that, the first word as the group ({@code ACME_API_URL} is {@code acme.api-url}). So a misspelled
     * variable, or one of a provider missing from the class path, still names a key close to the one meant.
     */
    public String propertyOfVariable(String variable) {
        if (!variable.startsWith(VARIABLE_PREFIX)) {
            return null;
        }
        Setting<?> exact = byVariable.get(variable);
        if (exact != null) {
            return exact.name();
        }
        String best = null;
        String bestProperty = null;
        for (Setting<?> setting : settings) {
            for (String prefix : prefixes(setting)) {
                String variablePrefix = variableOf(prefix);
                if (variable.startsWith(variablePrefix)
                        && variable.length() > variablePrefix.length()
                        && (best == null || variablePrefix.length() > best.length())) {
                    String rest = variable.substring(variablePrefix.length());
                    boolean verbatim = setting.isFamily()
                            && prefix.length() == familyPrefix(setting).length()
                            && setting.name().endsWith("<id>");
                    best = variablePrefix;
                    bestProperty = prefix + (verbatim ? rest : dashed(rest));
                }
            }
        }
        if (bestProperty != null) {
            return bestProperty;
        }
        String rest = variable.substring(VARIABLE_PREFIX.length());
        int group = rest.indexOf('_');
        return group <= 0 ? dashed(rest) : dashed(rest.substring(0, group)) + "." + dashed(rest.substring(group + 1));
    }

    private ConfigurationException unknown(String key) {
        String nearest = null;
        int nearestDistance = Integer.MAX_VALUE;
        for (Setting<?> setting : settings) {
            String candidate = setting.isFamily() ? familyPrefix(setting) : setting.name();
            String compared = setting.isFamily() && key.length() > candidate.length()
                    ? key.substring(0, Math.min(key.length(), candidate.length()))
                    : key;
            int distance = distance(compared, candidate);
            if (distance < nearestDistance) {
                nearestDistance = distance;
                nearest = setting.name();
            }
        }
        boolean close = nearest != null && nearestDistance <= Math.max(2, key.length() / 4);
        return new ConfigurationException("unknown setting '" + key + "'"
                + (close
                        ? ": did you mean '" + nearest + "'?"
                        : ": no provider on the class path declares it (providers found: "
                                + String.join(", ", providerIds) + "). Add the module of the provider that reads it"
                                + " (README's module table lists agentstore's), or remove the setting."));
    }

    /** The dotted prefixes of a setting's name: {@code a.b.c} has {@code a.} and {@code a.b.}. */
    private static List<String> prefixes(Setting<?> setting) {
        String name = setting.isFamily() ? familyPrefix(setting) : setting.name();
        TreeSet<String> prefixes = new TreeSet<>();
        for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
            prefixes.add(name.substring(0, dot + 1));
        }
        return List.copyOf(prefixes);
    }

    private static String familyPrefix(Setting<?> family) {
        return family.name().substring(0, family.name().lastIndexOf('<'));
    }

    private static String variableOf(String propertyPrefix) {
        return VARIABLE_PREFIX
                + propertyPrefix.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String dashed(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

package dev.agentstore.spring.boot.internal;

import dev.agentstore.StoreConfig;
import dev.agentstore.spi.Setting;
import dev.agentstore.spi.SettingCatalog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Reads a {@link StoreConfig} from Spring's {@link ConfigurableEnvironment}: every property under {@code agentstore.}
 * in any property source (application properties and YAML, system properties, command-line arguments, test
 * properties), spelled in any of Spring's relaxed forms ({@code agentstore.postgres.pool-size},
 * {@code agentstore.postgres.poolSize}, {@code agentstore.postgres.pool_size}), and every {@code AGENTSTORE_*}
 * environment variable, named as {@link StoreConfig#fromEnvironment()} names it. Where two sources set one key, the
 * one Spring ranks higher wins, as it would for {@code @ConfigurationProperties}; placeholders are resolved, and
 * durations may be written as Spring writes them ({@code 30s}) or in ISO-8601 ({@code PT30S}).
 *
 * <p>A map is read rather than a typed properties class because the key set is open: third-party providers read
 * keys of their own from the configuration.
 */
public final class EnvironmentStoreConfig {
    private static final String PREFIX = "agentstore.";
    private static final String ENCRYPTION_KEY = "encryption.key.";
    /** The settings declared on the class path: which keys take durations, which may be written {@code 30s}. */
    private static final SettingCatalog SETTINGS = SettingCatalog.discover();

    private EnvironmentStoreConfig() {}

    /** The configuration the environment describes (the in-memory defaults where it sets nothing). */
    public static StoreConfig read(ConfigurableEnvironment environment) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            boolean variables = source instanceof SystemEnvironmentPropertySource;
            for (String name : enumerable.getPropertyNames()) {
                String key = variables ? StoreConfig.propertyOfVariable(name) : propertyKey(name);
                Object value = source.getProperty(name);
                if (key != null && !key.isEmpty() && value != null && !settings.containsKey(key)) {
                    settings.put(key, normalized(key, environment.resolveRequiredPlaceholders(value.toString())));
                }
            }
        }
        return new StoreConfig(settings);
    }

    /**
     * The store's key for a Spring property name, or null if it is not under {@code agentstore.}: the prefix dropped,
     * each segment in kebab case (an encryption key's id keeps its spelling), {@code [x]} read as {@code .x}.
     */
    static String propertyKey(String name) {
        if (!name.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String rest = name.substring(PREFIX.length()).replace("[", ".").replace("]", "");
        StringBuilder key = new StringBuilder(rest.length() + 8);
        String[] segments = rest.split("\\.", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                key.append('.');
            }
            boolean keyId = i == segments.length - 1 && key.toString().equals(ENCRYPTION_KEY);
            key.append(keyId ? segments[i] : kebab(segments[i]));
        }
        return key.toString();
    }

    /** A duration in ISO-8601, as the store reads it; anything unreadable is left for the store to refuse. */
    private static String normalized(String key, String value) {
        if (!SETTINGS.find(key).map(Setting::isDuration).orElse(false)) {
            return value;
        }
        try {
            Duration duration = DurationStyle.detectAndParse(value.strip());
            return duration.toString();
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static String kebab(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 4);
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '_') {
                out.append('-');
            } else if (Character.isUpperCase(c)) {
                if (i > 0 && !Character.isUpperCase(segment.charAt(i - 1)) && segment.charAt(i - 1) != '_') {
                    out.append('-');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}

package dev.agentstore.spi;

import dev.agentstore.ConfigurationException;
import dev.agentstore.Secret;
import dev.agentstore.StoreConfig;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One configuration key that core or a provider reads: its name, the type of its values, its default, what it does,
 * and how a value is parsed and checked. A provider lists the keys it reads in {@link StoreProvider#settings()};
 * core refuses keys no one declares (with a suggestion) and values a declaration refuses, before anything opens,
 * and the README's configuration reference is checked against the declarations.
 *
 * <p>A name ending in a placeholder such as {@code encryption.key.<id>} declares a family of keys sharing a
 * prefix. Secret settings ({@link #secret}) are parsed into {@link Secret} and their values never appear in
 * messages.
 *
 * @param <T> what a value parses into
 */
public final class Setting<T> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*(\\.<[a-z-]+>)?");
    private static final Pattern SIZE = Pattern.compile("([1-9][0-9]{0,12})\\s*(B|KB|MB|GB)?");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String name;
    private final String type;
    private final String defaultValue;
    private final String shownDefault;
    private final String description;
    private final boolean secret;
    private final Function<String, T> parser;

    private Setting(
            String name,
            String type,
            String defaultValue,
            String shownDefault,
            String description,
            boolean secret,
            Function<String, T> parser) {
        if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("a setting's name is lowercase dotted words, optionally ending in"
                    + " a placeholder such as .<id>, but was '" + name + "'");
        }
        this.name = name;
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.shownDefault = shownDefault;
        this.description = Objects.requireNonNull(description, "description");
        this.secret = secret;
        this.parser = Objects.requireNonNull(parser, "parser");
        if (defaultValue != null) {
            parser.apply(defaultValue); // a declaration whose default it refuses is a programming error
        }
    }

    /**
     * A setting of any type: {@code parser} turns a value into a {@code T} or throws {@link
     * IllegalArgumentException} whose message is the rule the value broke (e.g. {@code "must be 1 to 9999"}).
     *
     * @param defaultValue the value used when the key is absent, or null for none
     */
    public static <T> Setting<T> of(
            String name, String type, String defaultValue, String description, Function<String, T> parser) {
        return new Setting<>(name, type, defaultValue, null, description, false, parser);
    }

    /** Free text, with no default. */
    public static Setting<String> text(String name, String description) {
        return of(name, "text", null, description, value -> value);
    }

    /** Free text, with a default. */
    public static Setting<String> text(String name, String defaultValue, String description) {
        return of(name, "text", defaultValue, description, value -> value);
    }

    /** A password or key: read as a {@link Secret}, masked whenever the configuration is printed. */
    public static Setting<Secret> secret(String name, String description) {
        return new Setting<>(name, "secret", null, null, description, true, Secret::of);
    }

    /** {@code true} or {@code false}. */
    public static Setting<Boolean> flag(String name, boolean defaultValue, String description) {
        return of(name, "boolean", Boolean.toString(defaultValue), description, value -> switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be true or false");
        });
    }

    /** A whole number from {@code min} to {@code max}. */
    public static Setting<Integer> integer(String name, int defaultValue, int min, int max, String description) {
        String rule = "must be a whole number from " + min + " to " + max;
        return of(name, "integer " + min + " to " + max, Integer.toString(defaultValue), description, value -> {
            try {
                int parsed = Integer.parseInt(value.strip());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // the rule says it
            }
            throw new IllegalArgumentException(rule);
        });
    }

    /** A positive ISO-8601 duration such as {@code PT30S}; {@code defaultValue} null for none. */
    public static Setting<Duration> duration(String name, Duration defaultValue, String description) {
        return duration(name, defaultValue, Duration.ofNanos(1), description);
    }

    /** An ISO-8601 duration of at least {@code minimum}; {@code defaultValue} null for none. */
    public static Setting<Duration> duration(String name, Duration defaultValue, Duration minimum, String description) {
        String rule = minimum.isZero()
                ? "must be an ISO-8601 duration of zero or more, such as PT1S"
                : minimum.equals(Duration.ofNanos(1))
                        ? "must be a positive ISO-8601 duration, such as PT30S"
                        : "must be an ISO-8601 duration of at least " + minimum;
        String type = minimum.isZero()
                ? "duration, zero or more"
                : minimum.equals(Duration.ofNanos(1)) ? "duration" : "duration, at least " + minimum;
        return of(name, type, defaultValue == null ? null : defaultValue.toString(), description, value -> {
            try {
                Duration parsed = Duration.parse(value.strip());
                if (parsed.compareTo(minimum) >= 0) {
                    return parsed;
                }
            } catch (DateTimeParseException e) {
                // the rule says it
            }
            throw new IllegalArgumentException(rule);
        });
    }

    /** A number of bytes, written as a whole number optionally followed by {@code KB}, {@code MB} or {@code GB}. */
    public static Setting<Long> bytes(String name, String defaultValue, String description) {
        return of(name, "size (B, KB, MB, GB)", defaultValue, description, value -> {
            Matcher matcher = SIZE.matcher(value.strip().toUpperCase(Locale.ROOT));
            if (!matcher.matches()) {
                throw new IllegalArgumentException("must be a positive size in bytes, optionally with KB, MB or GB");
            }
            long unit = switch (matcher.group(2) == null ? "B" : matcher.group(2)) {
                case "KB" -> 1L << 10;
                case "MB" -> 1L << 20;
                case "GB" -> 1L << 30;
                default -> 1L;
            };
            return Math.multiplyExact(Long.parseLong(matcher.group(1)), unit);
        });
    }

    /** One of {@code options}. */
    public static Setting<String> choice(String name, String defaultValue, List<String> options, String description) {
        List<String> allowed = List.copyOf(options);
        String rule = "must be one of " + String.join(", ", allowed);
        return of(name, String.join(" or ", allowed), defaultValue, description, value -> {
            if (allowed.contains(value)) {
                return value;
            }
            throw new IllegalArgumentException(rule);
        });
    }

    /** A lowercase SQL identifier: a letter or underscore, then up to 62 letters, digits or underscores. */
    public static Setting<String> identifier(String name, String defaultValue, String description) {
        return of(name, "SQL identifier", defaultValue, description, value -> {
            if (IDENTIFIER.matcher(value).matches()) {
                return value;
            }
            throw new IllegalArgumentException("must be a lowercase SQL identifier");
        });
    }

    /** This setting with its default described in words for the configuration reference. */
    public Setting<T> shownAs(String shownDefault) {
        return new Setting<>(name, type, defaultValue, shownDefault, description, secret, parser);
    }

    /** This setting with its values treated as secrets: never shown in messages or {@code toString()}. */
    public Setting<T> masked() {
        return new Setting<>(name, type, defaultValue, shownDefault, description, true, parser);
    }

    /** The key, e.g. {@code postgres.pool-size}, or a family's pattern, e.g. {@code encryption.key.<id>}. */
    public String name() {
        return name;
    }

    /** The values it takes, in words, e.g. {@code integer 1 to 9999}. */
    public String type() {
        return type;
    }

    /** The value used when the key is absent, or null if there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The default as the configuration reference shows it: in words where one is given, else the value or none. */
    public String shownDefault() {
        return shownDefault != null ? shownDefault : defaultValue != null ? defaultValue : "none";
    }

    /** What the setting does. */
    public String description() {
        return description;
    }

    /** Whether values are ISO-8601 durations (integrations may accept other spellings and convert them). */
    public boolean isDuration() {
        return type.startsWith("duration");
    }

    /** Whether values are secrets. */
    public boolean isSecret() {
        return secret;
    }

    /** Whether the name declares a family of keys ({@code encryption.key.<id>}). */
    public boolean isFamily() {
        return name.endsWith(">");
    }

    /** The environment variable that sets it, e.g. {@code AGENTSTORE_POSTGRES_POOL_SIZE}. */
    public String environmentVariable() {
        String fixed = isFamily() ? name.substring(0, name.lastIndexOf('<')) : name;
        String variable =
                "AGENTSTORE_" + fixed.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        return isFamily() ? variable + name.substring(name.lastIndexOf('<')).toUpperCase(Locale.ROOT) : variable;
    }

    /** Whether {@code key} is this setting, or a member of this family. */
    public boolean matches(String key) {
        if (!isFamily()) {
            return name.equals(key);
        }
        String prefix = name.substring(0, name.lastIndexOf('<'));
        return key.length() > prefix.length() && key.startsWith(prefix);
    }

    /**
     * The value of this (non-family) setting in {@code config}, parsed: the default when absent, null if there is
     * none.
     *
     * @throws ConfigurationException naming the key and the rule the value breaks
     */
    public T read(StoreConfig config) {
        if (isFamily()) {
            throw new IllegalStateException(name + " is a family of keys: read each with read(config, key)");
        }
        return read(config, name);
    }

    /**
     * The value of {@code key}, a member of this setting's family (or the setting itself), parsed: the default when
     * absent, null if there is none.
     *
     * @throws ConfigurationException naming the key and the rule the value breaks
     */
    public T read(StoreConfig config, String key) {
        return parse(key, config.get(key));
    }

    /**
     * {@code value}, given for {@code key} (this setting or a member of its family), parsed: the default when
     * null, null if there is none.
     *
     * @throws ConfigurationException naming the key and the rule the value breaks
     */
    public T parse(String key, String value) {
        if (!matches(key)) {
            throw new IllegalArgumentException(key + " is not " + name);
        }
        if (value == null) {
            return defaultValue == null ? null : parser.apply(defaultValue);
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            String rule = e instanceof ArithmeticException ? "is too large" : e.getMessage();
            throw new ConfigurationException(key + " " + rule + (secret ? "" : ", but was '" + value + "'"));
        }
    }

    /** The declaration, as the configuration reference lists it. */
    @Override
    public String toString() {
        return "Setting[" + name + ", " + type + ", default " + shownDefault() + "]";
    }
}

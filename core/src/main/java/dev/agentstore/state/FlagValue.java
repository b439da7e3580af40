package dev.agentstore.state;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;

/**
 * A typed flag value: a boolean, a whole number, a decimal number or a string.
 *
 * @param value a {@link Boolean}, {@link Long}, {@link Double} or {@link String}
 */
public record FlagValue(Object value) {
    /** Checks and normalises the value (ints become longs, floats doubles). */
    public FlagValue {
        Check.present("flag.value", value);
        value = switch (value) {
            case Boolean b -> b;
            case Integer i -> i.longValue();
            case Long l -> l;
            case Float f -> Check.finite("flag.value", f.doubleValue());
            case Double d -> Check.finite("flag.value", d);
            case String s -> Check.text("flag.value", s, 65_536);
            default ->
                throw new InvalidInputException(
                        "flag.value",
                        "must be a boolean, number or string, but was a "
                                + value.getClass().getName());
        };
    }

    /** Wraps a boolean. */
    public static FlagValue of(boolean value) {
        return new FlagValue(value);
    }

    /** Wraps a number. */
    public static FlagValue of(long value) {
        return new FlagValue(value);
    }

    /** Wraps a string. */
    public static FlagValue of(String value) {
        return new FlagValue(value);
    }

    /** The value as {@code type}; throws {@link InvalidInputException} if it has another type. */
    public <T> T as(Class<T> type) {
        if (!type.isInstance(value)) {
            throw new InvalidInputException(
                    "flag.type", "is " + value.getClass().getSimpleName() + ", not " + type.getSimpleName());
        }
        return type.cast(value);
    }
}

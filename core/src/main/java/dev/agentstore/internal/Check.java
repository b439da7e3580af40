package dev.agentstore.internal;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Limits;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** The input rules every backend shares. Each method returns its argument or throws {@link InvalidInputException}. */
public final class Check {
    private static final java.util.regex.Pattern TENANT_ID =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

    /** Earliest accepted timestamp. */
    public static final Instant MIN_TIME = Instant.parse("1970-01-01T00:00:00Z");
    /** Latest accepted timestamp. */
    public static final Instant MAX_TIME = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Check() {}

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required but was null");
        }
        return value;
    }

    public static UUID id(String field, UUID value) {
        return present(field, value);
    }

    /** A required identifier-like string: not blank, at most {@link Limits#MAX_NAME_CHARS}, clean text. */
    public static String name(String field, String value) {
        present(field, value);
        if (value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return text(field, value, Limits.MAX_NAME_CHARS);
    }

    /**
     * A tenant id: 1 to 128 letters, digits, {@code . _ : @ -}, starting with a letter or digit. Backends put it in
     * keys, key prefixes and session settings, so it carries no quoting or escaping characters.
     */
    public static String tenantId(String field, String value) {
        present(field, value);
        if (!TENANT_ID.matcher(value).matches()) {
            throw new InvalidInputException(
                    field,
                    "must be 1 to 128 letters, digits, '.', '_', ':', '@' or '-', starting with a letter or digit");
        }
        return value;
    }

    /** An email address: as {@link #name}, and shaped like {@code local@domain}. */
    public static String email(String field, String value) {
        name(field, value);
        if (!value.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidInputException(field, "must look like local@domain");
        }
        return value;
    }

    /** An optional identifier-like string: null, or as {@link #name}. */
    public static String optionalName(String field, String value) {
        return value == null ? null : name(field, value);
    }

    /** Required text of at most {@code maxChars}, with no NUL and no unpaired surrogate. */
    public static String text(String field, String value, int maxChars) {
        present(field, value);
        if (value.length() > maxChars) {
            throw new InvalidInputException(
                    field, "must be at most " + maxChars + " characters, but was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new InvalidInputException(field, "must not contain NUL characters (at index " + i + ")");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw new InvalidInputException(field, "has an unpaired surrogate at index " + i);
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new InvalidInputException(field, "has an unpaired surrogate at index " + i);
            }
        }
        return value;
    }

    /** Optional text: null, or as {@link #text}. */
    public static String optionalText(String field, String value, int maxChars) {
        return value == null ? null : text(field, value, maxChars);
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max + ", but was " + value);
        }
        return value;
    }

    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max + ", but was " + value);
        }
        return value;
    }

    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(field, "must be a finite number, but was " + value);
        }
        return value;
    }

    public static double range(String field, double value, double min, double max) {
        finite(field, value);
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max + ", but was " + value);
        }
        return value;
    }

    /** A timestamp between 1970 and 9999. */
    public static Instant time(String field, Instant value) {
        present(field, value);
        if (value.isBefore(MIN_TIME) || value.isAfter(MAX_TIME)) {
            throw new InvalidInputException(field, "must be between years 1970 and 9999, but was " + value);
        }
        return value;
    }

    public static Instant optionalTime(String field, Instant value) {
        return value == null ? null : time(field, value);
    }

    /** A time range with {@code from} strictly before {@code to}. */
    public static void timeRange(String fromField, Instant from, String toField, Instant to) {
        time(fromField, from);
        time(toField, to);
        if (!from.isBefore(to)) {
            throw new InvalidInputException(fromField, "must be before " + toField + ", but was " + from + " >= " + to);
        }
    }

    /** A batch that is not null, has no null element and at most {@code max} elements (empty is allowed). */
    public static <C extends Collection<?>> C batch(String field, C values, int max) {
        present(field, values);
        if (values.size() > max) {
            throw new InvalidInputException(field, "must hold at most " + max + " items, but held " + values.size());
        }
        int i = 0;
        for (Object value : values) {
            if (value == null) {
                throw new InvalidInputException(field + "[" + i + "]", "is required but was null");
            }
            i++;
        }
        return values;
    }

    /** A vector of the given dimension whose components are all finite. */
    public static float[] vector(String field, float[] vector, int dimension) {
        present(field, vector);
        if (vector.length != dimension) {
            throw new InvalidInputException(field, "must have dimension " + dimension + ", but had " + vector.length);
        }
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new InvalidInputException(field, "must be finite, but component " + i + " was " + vector[i]);
            }
        }
        return vector;
    }

    /**
     * A copy of a vector to compare by direction (cosine): 1 to {@link Limits#MAX_DIMENSION} finite
     * components, not all zero.
     */
    public static float[] direction(String field, float[] vector) {
        present(field, vector);
        range(field + ".length", vector.length, 1, Limits.MAX_DIMENSION);
        vector(field, vector, vector.length);
        for (float component : vector) {
            if (component != 0f) {
                return vector.clone();
            }
        }
        throw new InvalidInputException(field, "must not be all zeros (it has no direction to compare)");
    }
}

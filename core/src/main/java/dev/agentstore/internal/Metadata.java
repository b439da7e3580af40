package dev.agentstore.internal;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Limits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks and deep-copies metadata: JSON-like values (maps with string keys, lists, strings, numbers,
 * booleans, null) within the depth and size limits, returned unmodifiable.
 */
public final class Metadata {
    /** The bounds of metadata maps. */
    public static final Bounds METADATA =
            new Bounds(Limits.MAX_METADATA_DEPTH, Limits.MAX_METADATA_ENTRIES, Limits.MAX_METADATA_STRING_CHARS);

    /**
     * How large a JSON-like value may be.
     *
     * @param depth the deepest nesting of maps and lists
     * @param entries the most map entries and list elements in all
     * @param stringChars the longest string
     */
    public record Bounds(int depth, int entries, int stringChars) {}

    private Metadata() {}

    /** A checked, unmodifiable deep copy; null becomes an empty map. */
    public static Map<String, Object> copyOf(String field, Map<String, ?> metadata) {
        return copyOf(field, metadata, METADATA);
    }

    /** A checked, unmodifiable deep copy within {@code bounds}; null becomes an empty map. */
    public static Map<String, Object> copyOf(String field, Map<String, ?> value, Bounds bounds) {
        if (value == null) {
            return Map.of();
        }
        int[] entries = {0};
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) copyValue(field, value, 1, entries, bounds);
        return copy;
    }

    /** A checked, unmodifiable deep copy of any JSON-like value (a map, list, string, number, boolean or null). */
    public static Object copyValue(String field, Object value, Bounds bounds) {
        return copyValue(field, value, 1, new int[] {0}, bounds);
    }

    private static Object copyValue(String field, Object value, int depth, int[] entries, Bounds bounds) {
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof String s) {
            return Check.text(field, s, bounds.stringChars());
        }
        if (value instanceof Number n) {
            return number(field, n);
        }
        if (depth > bounds.depth()) {
            throw new InvalidInputException(field, "must be nested at most " + bounds.depth() + " levels deep");
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new InvalidInputException(field, "must have string keys, but had " + e.getKey());
                }
                count(field, entries, bounds);
                Check.text(field + " key", key, Limits.MAX_NAME_CHARS);
                copy.put(key, copyValue(field + "." + key, e.getValue(), depth + 1, entries, bounds));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                count(field, entries, bounds);
                copy.add(copyValue(field + "[]", element, depth + 1, entries, bounds));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new InvalidInputException(
                field,
                "values must be strings, numbers, booleans, lists or maps, but one was a "
                        + value.getClass().getName());
    }

    private static Object number(String field, Number n) {
        if (n instanceof Double d && !Double.isFinite(d) || n instanceof Float f && !Float.isFinite(f)) {
            throw new InvalidInputException(field, "numbers must be finite, but one was " + n);
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof Double || n instanceof Float) {
            return n.doubleValue();
        }
        if (n instanceof BigInteger || n instanceof BigDecimal) {
            return n;
        }
        throw new InvalidInputException(
                field, "has an unsupported number type " + n.getClass().getName());
    }

    private static void count(String field, int[] entries, Bounds bounds) {
        if (++entries[0] > bounds.entries()) {
            throw new InvalidInputException(field, "must hold at most " + bounds.entries() + " entries");
        }
    }
}

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
    private Metadata() {}

    /** A checked, unmodifiable deep copy; null becomes an empty map. */
    public static Map<String, Object> copyOf(String field, Map<String, ?> metadata) {
        if (metadata == null) {
            return Map.of();
        }
        int[] entries = {0};
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) copyValue(field, metadata, 1, entries);
        return copy;
    }

    private static Object copyValue(String field, Object value, int depth, int[] entries) {
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof String s) {
            return Check.text(field, s, Limits.MAX_METADATA_STRING_CHARS);
        }
        if (value instanceof Number n) {
            return number(field, n);
        }
        if (depth > Limits.MAX_METADATA_DEPTH) {
            throw new InvalidInputException(
                    field, "must be nested at most " + Limits.MAX_METADATA_DEPTH + " levels deep");
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new InvalidInputException(field, "must have string keys, but had " + e.getKey());
                }
                count(field, entries);
                Check.text(field + " key", key, Limits.MAX_NAME_CHARS);
                copy.put(key, copyValue(field + "." + key, e.getValue(), depth + 1, entries));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                count(field, entries);
                copy.add(copyValue(field + "[]", element, depth + 1, entries));
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

    private static void count(String field, int[] entries) {
        if (++entries[0] > Limits.MAX_METADATA_ENTRIES) {
            throw new InvalidInputException(field, "must hold at most " + Limits.MAX_METADATA_ENTRIES + " entries");
        }
    }
}

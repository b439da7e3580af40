package dev.agentstore.springai.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Spring AI metadata (any objects) as agentstore metadata: strings, numbers and booleans as they are, maps and
 * collections element by element, enums by name, anything else as its string; null values are left out.
 */
public final class JsonValues {
    private JsonValues() {}

    /** {@code map} with every value in agentstore's metadata types. */
    public static Map<String, Object> of(Map<String, ?> map) {
        Map<String, Object> values = new HashMap<>();
        map.forEach((key, value) -> {
            if (value != null) {
                values.put(key, value(value));
            }
        });
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object value) {
        return switch (value) {
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            case Enum<?> e -> e.name();
            case Map<?, ?> m -> of((Map<String, ?>) m);
            case Collection<?> c ->
                c.stream().filter(v -> v != null).map(JsonValues::value).toList();
            default -> value.toString();
        };
    }
}

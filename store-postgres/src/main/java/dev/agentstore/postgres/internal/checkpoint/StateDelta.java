package dev.agentstore.postgres.internal.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Patches between checkpoint states, shaped for agent graphs whose lists grow step by step: {@link #diff} writes, per
 * map, the keys set to a new value ({@code s}), the keys removed ({@code r}), the nested maps patched in turn
 * ({@code m}) and the lists that only grew, as the elements appended ({@code a}); {@link #apply} turns the older state
 * into the newer with it. Values are kept as they are, nulls included.
 */
final class StateDelta {
    private static final String SET = "s";
    private static final String REMOVED = "r";
    private static final String MAPS = "m";
    private static final String APPENDED = "a";

    private StateDelta() {}

    /** The patch from {@code from} to {@code to}; empty when they are equal. */
    static Map<String, Object> diff(Map<String, Object> from, Map<String, Object> to) {
        Map<String, Object> set = new LinkedHashMap<>();
        Map<String, Object> maps = new LinkedHashMap<>();
        Map<String, Object> appended = new LinkedHashMap<>();
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, Object> e : to.entrySet()) {
            String key = e.getKey();
            Object after = e.getValue();
            if (!from.containsKey(key)) {
                set.put(key, after);
                continue;
            }
            Object before = from.get(key);
            if (Objects.equals(before, after)) {
                continue;
            }
            if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) {
                maps.put(key, diff(cast(b), cast(a)));
            } else if (before instanceof List<?> b && after instanceof List<?> a && grew(b, a)) {
                appended.put(key, new ArrayList<>(a.subList(b.size(), a.size())));
            } else {
                set.put(key, after);
            }
        }
        for (String key : from.keySet()) {
            if (!to.containsKey(key)) {
                removed.add(key);
            }
        }
        Map<String, Object> patch = new LinkedHashMap<>();
        if (!set.isEmpty()) {
            patch.put(SET, set);
        }
        if (!removed.isEmpty()) {
            patch.put(REMOVED, removed);
        }
        if (!maps.isEmpty()) {
            patch.put(MAPS, maps);
        }
        if (!appended.isEmpty()) {
            patch.put(APPENDED, appended);
        }
        return patch;
    }

    /** {@code base} with {@code patch} applied. */
    static Map<String, Object> apply(Map<String, Object> base, Map<String, Object> patch) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        if (patch.get(REMOVED) instanceof List<?> removed) {
            removed.forEach(result::remove);
        }
        if (patch.get(SET) instanceof Map<?, ?> set) {
            cast(set).forEach(result::put);
        }
        if (patch.get(MAPS) instanceof Map<?, ?> maps) {
            cast(maps)
                    .forEach((key, nested) ->
                            result.put(key, apply(cast((Map<?, ?>) result.get(key)), cast((Map<?, ?>) nested))));
        }
        if (patch.get(APPENDED) instanceof Map<?, ?> appended) {
            cast(appended).forEach((key, tail) -> {
                List<Object> grown = new ArrayList<>((List<?>) result.get(key));
                grown.addAll((List<?>) tail);
                result.put(key, grown);
            });
        }
        return result;
    }

    /** Whether {@code after} is {@code before} with elements appended. */
    private static boolean grew(List<?> before, List<?> after) {
        return after.size() > before.size() && after.subList(0, before.size()).equals(before);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}

package dev.agentstore.postgres.spi;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jooq.JSONB;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Metadata maps and lists to and from {@code jsonb}. Integral numbers come back as {@code Long} (or {@code BigInteger}
 * beyond its range: PostgreSQL prints a large double such as {@code Float.MAX_VALUE} without an exponent) and
 * fractional ones as {@code Double}, the same types core's metadata validation produces, so values compare equal
 * across backends.
 */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectReader MAP_READER = MAPPER.readerFor(new TypeReference<Map<String, Object>>() {});
    private static final ObjectReader LIST_OF_MAPS_READER =
            MAPPER.readerFor(new TypeReference<List<Map<String, Object>>>() {});

    private static final JSONB EMPTY_OBJECT = JSONB.jsonb("{}");
    private static final JSONB EMPTY_ARRAY = JSONB.jsonb("[]");

    private Json() {}

    /** {@code value} (a map or a list of already validated values) as jsonb. */
    public static JSONB of(Object value) {
        if (value instanceof Map<?, ?> map && map.isEmpty()) {
            return EMPTY_OBJECT;
        }
        if (value instanceof List<?> list && list.isEmpty()) {
            return EMPTY_ARRAY;
        }
        return JSONB.jsonb(MAPPER.writeValueAsString(value));
    }

    /** A jsonb object as an unmodifiable map; SQL NULL becomes an empty map. */
    public static Map<String, Object> map(JSONB json) {
        return map(json == null ? null : json.data());
    }

    /** A JSON object's text as an unmodifiable map; null becomes an empty map. */
    public static Map<String, Object> map(String json) {
        if (json == null || json.equals("{}")) {
            return Map.of();
        }
        return Collections.unmodifiableMap(longs(MAP_READER.<Map<String, Object>>readValue(json)));
    }

    /** A JSON array of objects' text as a list of maps; null becomes an empty list. */
    public static List<Map<String, Object>> listOfMaps(String json) {
        if (json == null || json.equals("[]")) {
            return List.of();
        }
        List<Map<String, Object>> maps = LIST_OF_MAPS_READER.readValue(json);
        return maps.stream().map(Json::longs).toList();
    }

    /** Any JSON value's text as maps, lists, strings, numbers (whole ones as {@code Long}), booleans or null. */
    public static Object value(String json) {
        return json == null ? null : longs(MAPPER.readValue(json, Object.class));
    }

    /** {@code map} with every {@code Integer} in it, at any depth, as a {@code Long}. */
    private static Map<String, Object> longs(Map<String, Object> map) {
        map.replaceAll((key, value) -> longs(value));
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Object longs(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            return longs((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Json::longs).toList();
        }
        return value;
    }
}

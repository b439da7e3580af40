package dev.agentstore.postgres.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jooq.JSONB;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Metadata maps and lists to and from {@code jsonb}. Integral numbers come back as {@code Long} and fractional
 * ones as {@code Double}, the same types core's metadata validation produces, so values compare equal across
 * backends.
 */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();
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
        return Collections.unmodifiableMap(MAP_READER.readValue(json));
    }

    /** A JSON array of objects' text as a list of maps; null becomes an empty list. */
    public static List<Map<String, Object>> listOfMaps(String json) {
        if (json == null || json.equals("[]")) {
            return List.of();
        }
        return LIST_OF_MAPS_READER.readValue(json);
    }
}

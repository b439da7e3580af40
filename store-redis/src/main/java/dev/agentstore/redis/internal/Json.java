package dev.agentstore.redis.internal;

import java.util.Collections;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for what Redis keeps as text. Integral numbers come back as {@code Long} and fractional ones as
 * {@code Double}, the types core's metadata validation produces, so values compare equal across backends.
 */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();
    private static final ObjectReader MAP_READER = MAPPER.readerFor(new TypeReference<Map<String, Object>>() {});

    private Json() {}

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static Map<String, Object> map(String json) {
        return json == null || json.equals("{}") ? Map.of() : Collections.unmodifiableMap(MAP_READER.readValue(json));
    }
}

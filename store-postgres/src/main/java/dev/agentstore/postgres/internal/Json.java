package dev.agentstore.postgres.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jooq.JSONB;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
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
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, Object>>> LIST_OF_MAPS = new TypeReference<>() {};

    private Json() {}

    /** {@code value} (a map or a list of already validated values) as jsonb. */
    public static JSONB of(Object value) {
        return JSONB.jsonb(MAPPER.writeValueAsString(value));
    }

    /** A jsonb object as an unmodifiable map; SQL NULL becomes an empty map. */
    public static Map<String, Object> map(JSONB json) {
        return json == null ? Map.of() : Collections.unmodifiableMap(MAPPER.readValue(json.data(), MAP));
    }

    /** A jsonb array of objects as a list of maps; SQL NULL becomes an empty list. */
    public static List<Map<String, Object>> listOfMaps(JSONB json) {
        return json == null ? List.of() : MAPPER.readValue(json.data(), LIST_OF_MAPS);
    }
}

package dev.agentstore.langchain4j.internal;

import dev.langchain4j.data.document.Metadata;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * LangChain4j metadata (strings, UUIDs, integers, longs, floats, doubles) as agentstore chunk metadata and back. A
 * UUID is stored as its string, which LangChain4j's {@code getUUID} reads back; numbers keep their value; anything
 * agentstore holds that LangChain4j cannot (a boolean, say, written by another client) reads back as its string.
 */
public final class MetadataMapping {
    private MetadataMapping() {}

    /** {@code metadata} as agentstore metadata. */
    public static Map<String, Object> toStore(Metadata metadata) {
        Map<String, Object> stored = new HashMap<>();
        metadata.toMap().forEach((key, value) -> stored.put(key, value instanceof UUID uuid ? uuid.toString() : value));
        return stored;
    }

    /** Stored metadata as LangChain4j metadata. */
    public static Metadata fromStore(Map<String, Object> stored) {
        Map<String, Object> values = new HashMap<>();
        stored.forEach((key, value) -> values.put(key, supported(value)));
        return Metadata.from(values);
    }

    private static Object supported(Object value) {
        return switch (value) {
            case String s -> s;
            case Integer i -> i;
            case Long l -> l;
            case Float f -> f;
            case Double d -> d;
            case Short s -> s.intValue();
            case Byte b -> b.intValue();
            case BigInteger b -> b.bitLength() < 64 ? (Object) b.longValue() : b.toString();
            case BigDecimal d -> d.doubleValue();
            default -> String.valueOf(value);
        };
    }
}

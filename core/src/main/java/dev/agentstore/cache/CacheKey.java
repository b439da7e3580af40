package dev.agentstore.cache;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Limits;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cache key: the SHA-256 (hex) of a canonical encoding of model, parameters and prompt. Equal inputs give
 * equal keys in every JVM and backend; parameter order does not matter.
 *
 * @param model the model name, kept beside the hash so a model's entries can be invalidated together
 * @param hash 64 lowercase hex characters
 */
public record CacheKey(String model, String hash) {
    /** Checks the components. */
    public CacheKey {
        Check.name("cacheKey.model", model);
        Check.present("cacheKey.hash", hash);
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new InvalidInputException("cacheKey.hash", "must be 64 lowercase hex characters");
        }
    }

    /** The key for a model, its generation parameters (temperature, max tokens, ...) and a prompt. */
    public static CacheKey of(String model, Map<String, ?> parameters, String prompt) {
        Check.name("cacheKey.model", model);
        Map<String, Object> params = Metadata.copyOf("cacheKey.parameters", parameters);
        Check.text("cacheKey.prompt", prompt, Limits.MAX_TEXT_CHARS);
        StringBuilder canonical = new StringBuilder();
        field(canonical, model);
        canonicalValue(canonical, params);
        field(canonical, prompt);
        return new CacheKey(model, sha256(canonical.toString()));
    }

    private static void canonicalValue(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            new TreeMap<>(map).forEach((k, v) -> {
                field(out, (String) k);
                canonicalValue(out, v);
            });
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            list.forEach(v -> canonicalValue(out, v));
            out.append(']');
        } else {
            field(
                    out,
                    String.valueOf(value) + ":"
                            + (value == null ? "null" : value.getClass().getSimpleName()));
        }
    }

    private static void field(StringBuilder out, String value) {
        out.append(value.length()).append('#').append(value);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}

package dev.agentstore.internal;

import dev.agentstore.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;

/** Stable A/B assignment: a hash of experiment and user picks the variant, identically in every JVM. */
public final class Variants {
    private Variants() {}

    public static String pick(String experiment, String userId, List<String> variants) {
        Check.name("experiment", experiment);
        Check.name("userId", userId);
        Check.batch("variants", variants, 100);
        if (variants.isEmpty()) {
            throw new InvalidInputException("variants", "must hold at least one variant");
        }
        variants.forEach(v -> Check.name("variants", v));
        if (new HashSet<>(variants).size() != variants.size()) {
            throw new InvalidInputException("variants", "must be distinct");
        }
        long bucket =
                Long.remainderUnsigned(hash(experiment.length() + ":" + experiment + ":" + userId), variants.size());
        return variants.get((int) bucket);
    }

    private static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}

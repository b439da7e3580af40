package dev.agentstore.internal.crypto;

import dev.agentstore.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * Random tokens and API keys. API keys look like {@code ask_<32 base62 chars><6 base62 CRC32 chars>}: a
 * recognisable prefix for secret scanners and a checksum that rejects typos without a lookup (the scheme of
 * GitHub's tokens). Only SHA-256 hashes are stored.
 */
public final class Tokens {
    public static final String API_KEY_PREFIX = "ask_";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int BODY = 32;
    private static final int CHECK = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    /** A URL-safe token of 32 random base62 characters (about 190 bits). */
    public static Secret randomToken() {
        return Secret.of(randomBase62(BODY));
    }

    /** Whether a raw value has the shape of a {@link #randomToken()}: 32 base62 characters. */
    public static boolean isWellFormedToken(String raw) {
        return raw.length() == BODY && raw.chars().allMatch(c -> BASE62.indexOf(c) >= 0);
    }

    public static Secret newApiKey() {
        String body = randomBase62(BODY);
        return Secret.of(API_KEY_PREFIX + body + checksum(body));
    }

    /** Whether a raw key has our prefix, length, alphabet and a valid checksum. */
    public static boolean isWellFormedApiKey(String raw) {
        if (raw.length() != API_KEY_PREFIX.length() + BODY + CHECK || !raw.startsWith(API_KEY_PREFIX)) {
            return false;
        }
        String body = raw.substring(API_KEY_PREFIX.length(), API_KEY_PREFIX.length() + BODY);
        if (!body.chars().allMatch(c -> BASE62.indexOf(c) >= 0)) {
            return false;
        }
        return MessageDigest.isEqual(
                checksum(body).getBytes(StandardCharsets.US_ASCII),
                raw.substring(raw.length() - CHECK).getBytes(StandardCharsets.US_ASCII));
    }

    /** The part of a key that is safe to display. */
    public static String displayPrefix(String raw) {
        return raw.substring(0, API_KEY_PREFIX.length() + 4);
    }

    public static String sha256Hex(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    private static String randomBase62(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return out.toString();
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECK];
        for (int i = CHECK - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }
}

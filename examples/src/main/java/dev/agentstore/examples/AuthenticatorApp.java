package dev.agentstore.examples;

import java.net.URI;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The user's side of TOTP (RFC 6238), as a phone app computes it from the {@code otpauth://} URI it scanned:
 * HMAC-SHA1 over the 30-second time step, six digits. Written here from the RFC so the example shows what the
 * other end does; agentstore checks codes itself and needs none of this.
 */
final class AuthenticatorApp {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final byte[] key;

    private AuthenticatorApp(byte[] key) {
        this.key = key;
    }

    /** The app after scanning {@code otpauthUri} (its {@code secret} query parameter is the base32 key). */
    static AuthenticatorApp scan(String otpauthUri) {
        String query = URI.create(otpauthUri).getRawQuery();
        String secret = Arrays.stream(query.split("&"))
                .filter(pair -> pair.startsWith("secret="))
                .map(pair -> pair.substring("secret=".length()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the URI has no secret"));
        return new AuthenticatorApp(base32(secret));
    }

    /** The six-digit code shown at {@code time}. */
    String codeAt(Instant time) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES)
                    .putLong(time.getEpochSecond() / 30)
                    .array());
            int offset = hash[hash.length - 1] & 0x0f;
            int truncated = ByteBuffer.wrap(hash, offset, Integer.BYTES).getInt() & 0x7fffffff;
            return String.format(Locale.ROOT, "%06d", truncated % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    private static byte[] base32(String text) {
        String digits = text.toUpperCase(Locale.ROOT).replace("=", "");
        ByteBuffer bytes = ByteBuffer.allocate(digits.length() * 5 / 8);
        long buffer = 0;
        int bits = 0;
        for (char c : digits.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bytes.put((byte) (buffer >>> (bits - 8)));
                bits -= 8;
            }
        }
        return bytes.array();
    }
}

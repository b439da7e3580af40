package dev.agentstore.spi;

import dev.agentstore.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page cursors: Base64url of a position string, so callers cannot build or depend on them. */
public final class Cursors {
    private Cursors() {}

    public static String encode(String position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v1:" + position).getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("v1:")) {
                throw new InvalidInputException("page.cursor", "is not a cursor returned by this listing");
            }
            return text.substring(3);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("page.cursor", "is not a cursor returned by this listing");
        }
    }

    public static long decodeLong(String cursor) {
        try {
            return Long.parseLong(decode(cursor));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("page.cursor", "is not a cursor returned by this listing");
        }
    }

    public static java.util.UUID decodeUuid(String cursor) {
        try {
            return java.util.UUID.fromString(decode(cursor));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("page.cursor", "is not a cursor returned by this listing");
        }
    }
}

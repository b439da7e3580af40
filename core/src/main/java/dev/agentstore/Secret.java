package dev.agentstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password, token or key. Its {@link #toString()} is masked so it cannot leak into logs or exception
 * messages; read the value with {@link #reveal()} only where it is used.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret value");
    }

    /** Wraps a secret value. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret itself. Never log it. */
    public String reveal() {
        return value;
    }

    /** Whether the secret is empty. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** Always {@code "****"}. */
    @Override
    public String toString() {
        return "****";
    }

    /** Compares in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // a hash of the value would leak information about it
    }
}

package dev.agentstore.usage;

import dev.agentstore.internal.Check;
import java.util.UUID;

/**
 * Whose usage a quota counts: every call made with one API key, or every call made for one user.
 *
 * @param kind a key or a user
 * @param id the key's or the user's id
 */
public record UsageSubject(Kind kind, UUID id) {
    /** What the id names. */
    public enum Kind {
        /** An API key: calls whose {@link ApiCall#apiKeyId()} is the id. */
        API_KEY,
        /** A user: calls whose {@link ApiCall#userId()} is the id. */
        USER
    }

    /** Checks the components. */
    public UsageSubject {
        Check.present("subject.kind", kind);
        Check.id("subject.id", id);
    }

    /** The calls made with an API key. */
    public static UsageSubject apiKey(UUID keyId) {
        return new UsageSubject(Kind.API_KEY, keyId);
    }

    /** The calls made for a user. */
    public static UsageSubject user(UUID userId) {
        return new UsageSubject(Kind.USER, userId);
    }

    /** Whether {@code call} counts for this subject. */
    public boolean covers(ApiCall call) {
        return id.equals(kind == Kind.API_KEY ? call.apiKeyId() : call.userId());
    }
}

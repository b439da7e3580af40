package dev.agentstore.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An API key's stored description (never the key itself).
 *
 * @param id its id
 * @param ownerId the user or credential it belongs to
 * @param name a label
 * @param prefix the key's first characters, safe to show so users can tell keys apart
 * @param scopes what the key allows, as the application defines it
 * @param expiresAt when it stops working, or null for never
 * @param revokedAt when it was revoked, or null
 * @param lastUsedAt when it last verified, or null
 * @param createdAt when it was created
 */
public record ApiKey(
        UUID id,
        UUID ownerId,
        String name,
        String prefix,
        Set<String> scopes,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt,
        Instant createdAt) {
    /** Copies the scopes. */
    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    /** Whether the key works at {@code now}. */
    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** This key, used at {@code time}. */
    public ApiKey withLastUsedAt(Instant time) {
        return new ApiKey(id, ownerId, name, prefix, scopes, expiresAt, revokedAt, time, createdAt);
    }

    /** This key, revoked at {@code time}. */
    public ApiKey withRevokedAt(Instant time) {
        return new ApiKey(id, ownerId, name, prefix, scopes, expiresAt, time, lastUsedAt, createdAt);
    }
}

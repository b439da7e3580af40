package dev.agentstore.security;

import dev.agentstore.internal.Check;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An API key to create with {@link SecurityRepository#createApiKey}.
 *
 * @param ownerId the user or credential it belongs to
 * @param name a label
 * @param scopes what it allows, possibly empty
 * @param expiresAt when it stops working, or null for never
 */
public record NewApiKey(UUID ownerId, String name, Set<String> scopes, Instant expiresAt) {
    /** Checks the components. */
    public NewApiKey {
        Check.id("apiKey.ownerId", ownerId);
        Check.name("apiKey.name", name);
        scopes = Set.copyOf(Check.batch("apiKey.scopes", scopes == null ? Set.of() : scopes, 100));
        scopes.forEach(scope -> Check.name("apiKey.scopes", scope));
        Check.optionalTime("apiKey.expiresAt", expiresAt);
    }
}

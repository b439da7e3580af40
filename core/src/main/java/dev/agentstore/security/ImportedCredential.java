package dev.agentstore.security;

import dev.agentstore.Secret;
import dev.agentstore.internal.Check;
import java.util.UUID;

/**
 * An account brought from another system with its password hash, for {@link SecurityRepository#importCredential}.
 * The hash is kept as it is until the account's next login, which replaces it with an Argon2id hash at the current
 * parameters.
 *
 * @param username unique per tenant, compared case-insensitively
 * @param email unique per tenant, compared case-insensitively
 * @param passwordHash an Argon2id PHC string ({@code $argon2id$v=19$m=...,t=...,p=1$salt$hash}) or a bcrypt hash
 *     ({@code $2a$}, {@code $2b$}, {@code $2y$}); a {@link Secret}, so it is never printed
 * @param userId the user the account belongs to, or null (as {@link NewCredential#userId()})
 */
public record ImportedCredential(String username, String email, Secret passwordHash, UUID userId) {
    /** Checks the shape of every component; the hash's format and the user are checked on import. */
    public ImportedCredential {
        Check.name("credential.username", username);
        Check.email("credential.email", email);
        Check.present("credential.passwordHash", passwordHash);
    }

    /** An account of no chat user. */
    public ImportedCredential(String username, String email, Secret passwordHash) {
        this(username, email, passwordHash, null);
    }

    /** This account, belonging to a user. */
    public ImportedCredential forUser(UUID user) {
        return new ImportedCredential(username, email, passwordHash, Check.id("credential.userId", user));
    }
}

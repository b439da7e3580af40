package dev.agentstore.security;

import dev.agentstore.Secret;
import dev.agentstore.internal.Check;

/**
 * An account brought from another system with its password hash, for {@link SecurityRepository#importCredential}.
 * The hash is kept as it is until the account's next login, which replaces it with an Argon2id hash at the current
 * parameters.
 *
 * @param username unique per tenant, compared case-insensitively
 * @param email unique per tenant, compared case-insensitively
 * @param passwordHash an Argon2id PHC string ({@code $argon2id$v=19$m=...,t=...,p=1$salt$hash}) or a bcrypt hash
 *     ({@code $2a$}, {@code $2b$}, {@code $2y$}); a {@link Secret}, so it is never printed
 */
public record ImportedCredential(String username, String email, Secret passwordHash) {
    /** Checks the shape of every component; the hash's format is checked on import. */
    public ImportedCredential {
        Check.name("credential.username", username);
        Check.email("credential.email", email);
        Check.present("credential.passwordHash", passwordHash);
    }
}

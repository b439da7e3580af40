package dev.agentstore.security;

import dev.agentstore.Secret;
import dev.agentstore.internal.Check;

/**
 * An account to create with {@link SecurityRepository#createCredential}.
 *
 * @param username unique per tenant, compared case-insensitively
 * @param email unique per tenant, compared case-insensitively
 * @param password the password; checked against the {@link PasswordPolicy}
 */
public record NewCredential(String username, String email, Secret password) {
    /** Checks the shape of every component; the password policy is checked on create. */
    public NewCredential {
        Check.name("credential.username", username);
        Check.email("credential.email", email);
        Check.present("credential.password", password);
    }
}

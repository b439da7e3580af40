package dev.agentstore.security;

import dev.agentstore.Secret;
import dev.agentstore.internal.Check;
import java.util.UUID;

/**
 * An account to create with {@link SecurityRepository#createCredential}.
 *
 * @param username unique per tenant, compared case-insensitively
 * @param email unique per tenant, compared case-insensitively
 * @param password the password; checked against the {@link PasswordPolicy}
 * @param userId the user ({@link dev.agentstore.conversation.User}) the account belongs to, or null for an account of
 *     no chat user (an operator's, say); {@link dev.agentstore.conversation.ConversationRepository#eraseUser} removes
 *     the accounts of the user it erases
 */
public record NewCredential(String username, String email, Secret password, UUID userId) {
    /** Checks the shape of every component; the password policy and the user are checked on create. */
    public NewCredential {
        Check.name("credential.username", username);
        Check.email("credential.email", email);
        Check.present("credential.password", password);
    }

    /** An account of no chat user. */
    public NewCredential(String username, String email, Secret password) {
        this(username, email, password, null);
    }

    /** This account, belonging to a user. */
    public NewCredential forUser(UUID user) {
        return new NewCredential(username, email, password, Check.id("credential.userId", user));
    }
}

package dev.agentstore.security;

import dev.agentstore.Secret;

/**
 * Where a password-reset token goes, typically an email to the account's address.
 * {@link SecurityRepository#requestPasswordReset} calls it only for an account that exists, and answers its own
 * caller the same way either way, so an endpoint built on it cannot reveal which emails have accounts. Deliver
 * asynchronously (queue the email) so the time taken does not tell either.
 */
@FunctionalInterface
public interface ResetTokenDelivery {
    /**
     * Sends {@code token} to the owner of {@code account}. The token is shown only here; agentstore keeps its
     * SHA-256 hash.
     */
    void deliver(Credential account, Secret token);
}

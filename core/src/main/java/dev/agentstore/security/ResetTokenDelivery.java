package dev.agentstore.security;

import dev.agentstore.Secret;

/**
 * Where a password-reset token goes, typically an email to the account's address.
 * {@link SecurityRepository#requestPasswordReset} calls it only for an account that exists, and answers its own
 * caller the same way and in the same time either way (the delivery runs after the call returns), so an endpoint
 * built on it cannot reveal which emails have accounts.
 */
@FunctionalInterface
public interface ResetTokenDelivery {
    /**
     * Sends {@code token} to the owner of {@code account}. The token is shown only here; agentstore keeps its
     * SHA-256 hash. Called on a virtual thread of agentstore's after {@link SecurityRepository#requestPasswordReset}
     * has returned; an exception is logged by type and otherwise ignored.
     */
    void deliver(Credential account, Secret token);
}

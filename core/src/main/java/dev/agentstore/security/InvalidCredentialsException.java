package dev.agentstore.security;

import dev.agentstore.AgentStoreException;

/**
 * Thrown by operations that require proof of identity (a current password, a reset token) when the proof is
 * wrong, unknown, expired or already used. The message never says which.
 */
public class InvalidCredentialsException extends AgentStoreException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public InvalidCredentialsException(String message) {
        super(message);
    }
}

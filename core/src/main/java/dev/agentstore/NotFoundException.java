package dev.agentstore;

/**
 * Thrown when a call names something that does not exist in the caller's tenant, such as an unknown
 * conversation id. Lookups that may legitimately miss return {@link java.util.Optional} instead.
 */
public class NotFoundException extends AgentStoreException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the problem. */
    public NotFoundException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause, which is kept. */
    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}

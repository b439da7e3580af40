package dev.agentstore;

/**
 * Thrown when a backend cannot be reached or gave up (connection lost, pool exhausted, timeout). The call
 * may be retried after backing off; nothing it asked for is partially applied.
 */
public class StoreUnavailableException extends AgentStoreException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the problem. */
    public StoreUnavailableException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause, which is kept. */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

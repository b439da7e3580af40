package dev.agentstore;

/**
 * Thrown when a write clashes with the stored state: a duplicate unique key, a stale version in an
 * optimistic-concurrency update, or a change the current state forbids. Nothing was changed.
 */
public class ConflictException extends AgentStoreException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the problem. */
    public ConflictException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause, which is kept. */
    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}

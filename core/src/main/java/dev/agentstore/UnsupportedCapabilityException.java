package dev.agentstore;

/**
 * Thrown when the configured backend does not offer what was asked, for example a feature that only one
 * backend implements.
 */
public class UnsupportedCapabilityException extends AgentStoreException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the problem. */
    public UnsupportedCapabilityException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause, which is kept. */
    public UnsupportedCapabilityException(String message, Throwable cause) {
        super(message, cause);
    }
}

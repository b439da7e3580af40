package dev.agentstore;

/**
 * Root of every exception agentstore throws: the one type to catch for "the store said no".
 *
 * <p>Unchecked. Subtypes say why: {@link InvalidInputException} (the call was wrong, nothing changed),
 * {@link NotFoundException}, {@link ConflictException}, {@link StoreUnavailableException} (retriable),
 * {@link UnsupportedCapabilityException} and {@link ConfigurationException}. Messages never contain
 * passwords, tokens or keys.
 */
public class AgentStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public AgentStoreException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause, which is kept. */
    public AgentStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

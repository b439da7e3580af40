package dev.agentstore;

/**
 * Thrown when the configuration is invalid or names providers that cannot serve it. The message names the
 * key or provider at fault and, where a dependency is missing, which one to add.
 */
public class ConfigurationException extends AgentStoreException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the problem. */
    public ConfigurationException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause, which is kept. */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}

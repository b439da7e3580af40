package dev.agentstore;

import java.util.Objects;

/**
 * Thrown when an argument breaks a documented rule. The call changed nothing.
 *
 * <p>{@link #field()} names the argument (or record component) at fault; the message states the rule
 * and, where that is safe, the offending value. Secret values are never echoed.
 */
public class InvalidInputException extends AgentStoreException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception.
     *
     * @param field the argument or component at fault, e.g. {@code "message.content"}
     * @param rule what the rule is and how the value broke it
     */
    public InvalidInputException(String field, String rule) {
        super(Objects.requireNonNull(field, "field") + " " + rule);
        this.field = field;
    }

    /**
     * Creates the exception for a value a backend refused, keeping the backend's failure as the cause.
     *
     * @param field the argument, component or column at fault
     * @param rule what the rule is and how the value broke it
     * @param cause the backend's failure
     */
    public InvalidInputException(String field, String rule, Throwable cause) {
        super(Objects.requireNonNull(field, "field") + " " + rule, cause);
        this.field = field;
    }

    /** The argument or component at fault. */
    public String field() {
        return field;
    }
}

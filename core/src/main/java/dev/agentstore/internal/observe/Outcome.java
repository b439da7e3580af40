package dev.agentstore.internal.observe;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.StoreUnavailableException;
import java.util.Locale;

/** How one repository operation ended, as its timer's {@code outcome} tag says. */
enum Outcome {
    SUCCESS,
    INVALID_INPUT,
    NOT_FOUND,
    CONFLICT,
    UNAVAILABLE,
    ERROR;

    private final String tag = name().toLowerCase(Locale.ROOT);

    /** The outcome of an operation that threw {@code failure}. */
    static Outcome of(Throwable failure) {
        return switch (failure) {
            case InvalidInputException e -> INVALID_INPUT;
            case NotFoundException e -> NOT_FOUND;
            case ConflictException e -> CONFLICT;
            case StoreUnavailableException e -> UNAVAILABLE;
            default -> ERROR;
        };
    }

    /** The tag value: {@code success}, {@code invalid_input}, ... */
    String tag() {
        return tag;
    }
}

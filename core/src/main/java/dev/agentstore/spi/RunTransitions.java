package dev.agentstore.spi;

import dev.agentstore.ConflictException;
import dev.agentstore.run.RunStatus;
import java.util.UUID;

/** The one wording of a refused run transition, for every backend. */
public final class RunTransitions {
    private RunTransitions() {}

    /** A run that is {@code current} cannot move to {@code next}. */
    public static ConflictException refused(UUID runId, RunStatus current, RunStatus next) {
        return new ConflictException("run " + runId + " is " + current + " and cannot move to " + next);
    }
}

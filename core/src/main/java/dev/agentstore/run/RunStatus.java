package dev.agentstore.run;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a run is. A run starts {@link #PENDING}, may start {@link #PROCESSING}, and ends {@link #COMPLETED},
 * {@link #FAILED} or {@link #CANCELLED}; an ended run never changes again.
 */
public enum RunStatus {
    /** Created, not started. */
    PENDING,
    /** Started. */
    PROCESSING,
    /** Ended with an output. */
    COMPLETED,
    /** Ended with an error. */
    FAILED,
    /** Ended on request. */
    CANCELLED;

    /** Whether a run in this status may move to {@code next}. */
    public boolean canMoveTo(RunStatus next) {
        return predecessorsOf(next).contains(this);
    }

    /** Whether the run has ended. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** The statuses a run may move to {@code next} from. */
    public static Set<RunStatus> predecessorsOf(RunStatus next) {
        return switch (next) {
            case PENDING -> EnumSet.noneOf(RunStatus.class);
            case PROCESSING -> EnumSet.of(PENDING);
            case COMPLETED -> EnumSet.of(PROCESSING);
            case FAILED, CANCELLED -> EnumSet.of(PENDING, PROCESSING);
        };
    }
}

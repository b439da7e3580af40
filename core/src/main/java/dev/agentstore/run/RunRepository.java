package dev.agentstore.run;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Agent runs of one tenant. Thread-safe. Every transition is atomic and allowed only from the statuses
 * {@link RunStatus#canMoveTo} names: anything else is a {@link dev.agentstore.ConflictException} naming both
 * statuses (so of two concurrent completions exactly one wins), an unknown id a
 * {@link dev.agentstore.NotFoundException}.
 */
public interface RunRepository {
    /** Creates a {@link RunStatus#PENDING} run. */
    AgentRun create(NewRun run);

    /** The run with this id. */
    Optional<AgentRun> find(UUID runId);

    /** Moves a pending run to {@link RunStatus#PROCESSING} and records when. */
    AgentRun start(UUID runId);

    /** Ends a processing run with its output and usage. */
    AgentRun complete(UUID runId, Map<String, ?> output, RunUsage usage);

    /** Ends a pending or processing run with an error (1 to 65,536 characters) and the usage so far. */
    AgentRun fail(UUID runId, String errorMessage, RunUsage usage);

    /** Ends a pending or processing run on request. */
    AgentRun cancel(UUID runId);

    /** Runs matching {@code query}, newest first. */
    Page<AgentRun> list(RunQuery query, PageRequest page);
}

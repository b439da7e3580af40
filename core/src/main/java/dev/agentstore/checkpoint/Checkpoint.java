package dev.agentstore.checkpoint;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A stored checkpoint.
 *
 * @param threadId its thread
 * @param namespace its namespace in the thread
 * @param checkpointId its id
 * @param parentId the checkpoint it follows, or null
 * @param state the graph's state
 * @param metadata data about the step
 * @param runId the agent run it belongs to, or null
 * @param createdAt when it was first stored
 */
public record Checkpoint(
        String threadId,
        String namespace,
        String checkpointId,
        String parentId,
        Map<String, Object> state,
        Map<String, Object> metadata,
        UUID runId,
        Instant createdAt) {
    /** Leaves the state out (it may hold anything the agent saw), so a checkpoint can be logged. */
    @Override
    public String toString() {
        return "Checkpoint[threadId=" + threadId + ", namespace=" + namespace + ", checkpointId=" + checkpointId
                + ", parentId=" + parentId + ", runId=" + runId + ", createdAt=" + createdAt + "]";
    }
}

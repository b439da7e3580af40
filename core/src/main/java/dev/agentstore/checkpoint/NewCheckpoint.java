package dev.agentstore.checkpoint;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;

/**
 * A checkpoint to store.
 *
 * @param threadId the thread (a LangGraph {@code thread_id}), not blank
 * @param namespace the namespace within the thread ({@code checkpoint_ns}; empty for the root graph)
 * @param checkpointId the caller's id for it, unique in the thread and namespace (LangGraph uses time-ordered UUIDs)
 * @param parentId the checkpoint it follows in the same thread and namespace, or null for the first
 * @param state the graph's state: JSON-like maps, lists, strings, numbers, booleans and nulls
 * @param metadata free-form data about the step (source, step number, writes), JSON-like
 * @param runId the agent run it belongs to, or null
 */
public record NewCheckpoint(
        String threadId,
        String namespace,
        String checkpointId,
        String parentId,
        Map<String, Object> state,
        Map<String, Object> metadata,
        UUID runId) {
    /** Checks every component and copies the state and metadata. */
    public NewCheckpoint {
        Check.name("checkpoint.threadId", threadId);
        namespace = namespace == null ? "" : Check.text("checkpoint.namespace", namespace, 256);
        Check.name("checkpoint.checkpointId", checkpointId);
        Check.optionalName("checkpoint.parentId", parentId);
        state = Metadata.copyOf("checkpoint.state", Check.present("checkpoint.state", state), CheckpointState.BOUNDS);
        metadata = Metadata.copyOf("checkpoint.metadata", metadata);
    }

    /** A first checkpoint of the root namespace, without metadata or run. */
    public static NewCheckpoint of(String threadId, String checkpointId, Map<String, ?> state) {
        return new NewCheckpoint(threadId, "", checkpointId, null, Collections.unmodifiableMap(state), Map.of(), null);
    }

    /** A checkpoint of the root namespace following {@code parentId} (null for the first), in one step. */
    public static NewCheckpoint of(String threadId, String checkpointId, String parentId, Map<String, ?> state) {
        return new NewCheckpoint(
                threadId, "", checkpointId, parentId, Collections.unmodifiableMap(state), Map.of(), null);
    }

    /** This checkpoint following {@code parent}. */
    public NewCheckpoint after(String parent) {
        return new NewCheckpoint(threadId, namespace, checkpointId, parent, state, metadata, runId);
    }

    /** This checkpoint in another namespace. */
    public NewCheckpoint inNamespace(String ns) {
        return new NewCheckpoint(threadId, ns, checkpointId, parentId, state, metadata, runId);
    }

    /** This checkpoint with metadata. */
    public NewCheckpoint withMetadata(Map<String, ?> data) {
        return new NewCheckpoint(
                threadId,
                namespace,
                checkpointId,
                parentId,
                state,
                Metadata.copyOf("checkpoint.metadata", data),
                runId);
    }

    /** This checkpoint as part of an agent run. */
    public NewCheckpoint forRun(UUID run) {
        return new NewCheckpoint(threadId, namespace, checkpointId, parentId, state, metadata, run);
    }
}

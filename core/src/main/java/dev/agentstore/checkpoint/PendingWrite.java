package dev.agentstore.checkpoint;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;

/**
 * A write a task made after a checkpoint and before the next one (LangGraph's pending writes): kept so a resumed
 * thread does not run the task again.
 *
 * @param taskId the task that made it
 * @param index its position among the task's writes
 * @param channel the channel it writes
 * @param value the value written, JSON-like
 */
public record PendingWrite(String taskId, int index, String channel, Object value) {
    /** Checks every component and copies the value. */
    public PendingWrite {
        Check.name("write.taskId", taskId);
        Check.range("write.index", index, 0, Integer.MAX_VALUE);
        Check.name("write.channel", channel);
        value = Metadata.copyValue("write.value", value, CheckpointState.BOUNDS);
    }

    /** Leaves the value out, so a write can be logged. */
    @Override
    public String toString() {
        return "PendingWrite[taskId=" + taskId + ", index=" + index + ", channel=" + channel + "]";
    }
}

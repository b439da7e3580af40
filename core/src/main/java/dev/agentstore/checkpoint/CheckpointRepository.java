package dev.agentstore.checkpoint;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The run checkpoints of one tenant. Thread-safe. Writes are idempotent per thread, namespace and checkpoint id
 * (and per task and index for pending writes): writing the same again changes nothing, so a retried step is safe.
 */
public interface CheckpointRepository {
    /**
     * Stores a checkpoint, or finds the one already stored under its id.
     *
     * @return the stored checkpoint (the earlier one, unchanged, on a repeat)
     * @throws dev.agentstore.NotFoundException if the parent is not a checkpoint of the same thread and namespace
     */
    Checkpoint put(NewCheckpoint checkpoint);

    /** The checkpoint with that id. */
    Optional<Checkpoint> find(String threadId, String namespace, String checkpointId);

    /** The thread's newest checkpoint in the namespace: where a resumed thread goes on from. */
    Optional<Checkpoint> latest(String threadId, String namespace);

    /** The thread's checkpoints in the namespace, newest first, keyset-paged. */
    Page<Checkpoint> history(String threadId, String namespace, PageRequest page);

    /**
     * Keeps a task's writes made after a checkpoint; writes at an index the task already wrote are skipped.
     *
     * @throws dev.agentstore.NotFoundException if there is no such checkpoint
     */
    void putWrites(String threadId, String namespace, String checkpointId, List<PendingWrite> writes);

    /** The pending writes after a checkpoint, by task, then index. */
    List<PendingWrite> pendingWrites(String threadId, String namespace, String checkpointId);

    /**
     * Forks a thread from any of its checkpoints (time travel): the checkpoint, with its state and pending writes,
     * becomes the first checkpoint of {@code newThreadId} under the same id, with no parent and the source named in
     * its metadata ({@code forked_from_thread}, {@code forked_from_checkpoint}).
     *
     * @throws dev.agentstore.NotFoundException if there is no such checkpoint
     * @throws dev.agentstore.ConflictException if the new thread has checkpoints already in that namespace
     */
    Checkpoint fork(String threadId, String namespace, String checkpointId, String newThreadId);

    /** Deletes the thread's checkpoints and writes in every namespace; how many checkpoints went. */
    long deleteThread(String threadId);

    /** Deletes the checkpoints stored before {@code cutoff} (a TTL), with their writes; how many went. */
    long deleteOlderThan(Instant cutoff);
}

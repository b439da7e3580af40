package dev.agentstore.internal.validation;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.checkpoint.Checkpoint;
import dev.agentstore.checkpoint.CheckpointRepository;
import dev.agentstore.checkpoint.NewCheckpoint;
import dev.agentstore.checkpoint.PendingWrite;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.OpenGuard;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Checks arguments before they reach the backend. */
public final class ValidatingCheckpointRepository implements CheckpointRepository {
    private static final int MAX_WRITES = 10_000;

    private final OpenGuard open;
    private final CheckpointRepository backend;

    public ValidatingCheckpointRepository(OpenGuard open, CheckpointRepository backend) {
        this.open = open;
        this.backend = backend;
    }

    @Override
    public Checkpoint put(NewCheckpoint checkpoint) {
        open.check();
        return backend.put(Check.present("checkpoint", checkpoint));
    }

    @Override
    public Optional<Checkpoint> find(String threadId, String namespace, String checkpointId) {
        open.check();
        return backend.find(thread(threadId), namespace(namespace), Check.name("checkpointId", checkpointId));
    }

    @Override
    public Optional<Checkpoint> latest(String threadId, String namespace) {
        open.check();
        return backend.latest(thread(threadId), namespace(namespace));
    }

    @Override
    public Page<Checkpoint> history(String threadId, String namespace, PageRequest page) {
        open.check();
        return backend.history(thread(threadId), namespace(namespace), Check.present("page", page));
    }

    @Override
    public void putWrites(String threadId, String namespace, String checkpointId, List<PendingWrite> writes) {
        open.check();
        List<PendingWrite> batch = List.copyOf(Check.batch("writes", writes, MAX_WRITES));
        if (!batch.isEmpty()) {
            backend.putWrites(thread(threadId), namespace(namespace), Check.name("checkpointId", checkpointId), batch);
        }
    }

    @Override
    public List<PendingWrite> pendingWrites(String threadId, String namespace, String checkpointId) {
        open.check();
        return backend.pendingWrites(thread(threadId), namespace(namespace), Check.name("checkpointId", checkpointId));
    }

    @Override
    public Checkpoint fork(String threadId, String namespace, String checkpointId, String newThreadId) {
        open.check();
        return backend.fork(
                thread(threadId),
                namespace(namespace),
                Check.name("checkpointId", checkpointId),
                Check.name("newThreadId", newThreadId));
    }

    @Override
    public long deleteThread(String threadId) {
        open.check();
        return backend.deleteThread(thread(threadId));
    }

    @Override
    public long deleteOlderThan(Instant cutoff) {
        open.check();
        return backend.deleteOlderThan(Check.time("cutoff", cutoff));
    }

    private static String thread(String threadId) {
        return Check.name("threadId", threadId);
    }

    /** Null is the root namespace, as in {@link NewCheckpoint}. */
    private static String namespace(String namespace) {
        return namespace == null ? "" : Check.text("namespace", namespace, 256);
    }
}

package dev.agentstore.memory;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.checkpoint.Checkpoint;
import dev.agentstore.checkpoint.CheckpointRepository;
import dev.agentstore.checkpoint.NewCheckpoint;
import dev.agentstore.checkpoint.PendingWrite;
import dev.agentstore.spi.Cursors;
import dev.agentstore.spi.Pages;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The run checkpoints of one tenant in memory. Each checkpoint gets a serial when first stored; "newest" means the
 * highest serial, as a sequence orders them in PostgreSQL. A run's checkpoints go with the run.
 */
final class InMemoryCheckpoints implements CheckpointRepository {
    private final Clock clock;
    private final Predicate<UUID> runExists;
    private final Map<Key, Stored> checkpoints = new LinkedHashMap<>();
    private long nextSerial = 1;

    /** @param runExists whether the tenant has the run (asked without this repository's lock held) */
    InMemoryCheckpoints(Clock clock, Predicate<UUID> runExists, RemovalListeners removals) {
        this.clock = clock;
        this.runExists = runExists;
        removals.onRunsRemoved(this::forgetRuns);
    }

    @Override
    public Checkpoint put(NewCheckpoint c) {
        if (c.runId() != null && !runExists.test(c.runId())) {
            throw new NotFoundException("no run with id " + c.runId());
        }
        synchronized (this) {
            Key key = new Key(c.threadId(), c.namespace(), c.checkpointId());
            Stored existing = checkpoints.get(key);
            if (existing != null) {
                return existing.checkpoint();
            }
            if (c.parentId() != null && !checkpoints.containsKey(new Key(c.threadId(), c.namespace(), c.parentId()))) {
                throw new NotFoundException("no checkpoint " + c.parentId() + " in thread " + c.threadId());
            }
            Checkpoint stored = new Checkpoint(
                    c.threadId(),
                    c.namespace(),
                    c.checkpointId(),
                    c.parentId(),
                    c.state(),
                    c.metadata(),
                    c.runId(),
                    clock.instant());
            checkpoints.put(key, new Stored(nextSerial++, stored, new TreeMap<>()));
            return stored;
        }
    }

    @Override
    public synchronized Optional<Checkpoint> find(String threadId, String namespace, String checkpointId) {
        return Optional.ofNullable(checkpoints.get(new Key(threadId, namespace, checkpointId)))
                .map(Stored::checkpoint);
    }

    @Override
    public synchronized Optional<Checkpoint> latest(String threadId, String namespace) {
        return newestFirst(threadId, namespace).stream().findFirst().map(Stored::checkpoint);
    }

    @Override
    public synchronized Page<Checkpoint> history(String threadId, String namespace, PageRequest page) {
        long before = page.cursor() == null ? Long.MAX_VALUE : Cursors.decodeLong(page.cursor());
        List<Stored> window = newestFirst(threadId, namespace).stream()
                .filter(s -> s.serial() < before)
                .limit(page.limit() + 1L)
                .toList();
        Page<Stored> paged = Pages.of(window, page.limit(), s -> Long.toString(s.serial()));
        return new Page<>(paged.items().stream().map(Stored::checkpoint).toList(), paged.nextCursor());
    }

    @Override
    public synchronized void putWrites(
            String threadId, String namespace, String checkpointId, List<PendingWrite> writes) {
        Stored stored = require(threadId, namespace, checkpointId);
        for (PendingWrite w : writes) {
            stored.writes().putIfAbsent(new WriteKey(w.taskId(), w.index()), w);
        }
    }

    @Override
    public synchronized List<PendingWrite> pendingWrites(String threadId, String namespace, String checkpointId) {
        Stored stored = checkpoints.get(new Key(threadId, namespace, checkpointId));
        return stored == null ? List.of() : List.copyOf(stored.writes().values());
    }

    @Override
    public synchronized Checkpoint fork(String threadId, String namespace, String checkpointId, String newThreadId) {
        Stored source = require(threadId, namespace, checkpointId);
        if (!newestFirst(newThreadId, namespace).isEmpty()) {
            throw new ConflictException(
                    "thread " + newThreadId + " already has checkpoints in namespace '" + namespace + "'");
        }
        Map<String, Object> metadata = new LinkedHashMap<>(source.checkpoint().metadata());
        metadata.put("forked_from_thread", threadId);
        metadata.put("forked_from_checkpoint", checkpointId);
        Checkpoint forked = new Checkpoint(
                newThreadId,
                namespace,
                checkpointId,
                null,
                source.checkpoint().state(),
                Map.copyOf(metadata),
                source.checkpoint().runId(),
                clock.instant());
        checkpoints.put(
                new Key(newThreadId, namespace, checkpointId),
                new Stored(nextSerial++, forked, new TreeMap<>(source.writes())));
        return forked;
    }

    @Override
    public synchronized long deleteThread(String threadId) {
        return remove(s -> s.checkpoint().threadId().equals(threadId));
    }

    @Override
    public synchronized long deleteOlderThan(Instant cutoff) {
        return remove(s -> s.checkpoint().createdAt().isBefore(cutoff));
    }

    private synchronized void forgetRuns(Set<UUID> runs) {
        remove(s ->
                s.checkpoint().runId() != null && runs.contains(s.checkpoint().runId()));
    }

    /** Removes the matching checkpoints; their children keep their state and lose the link, as in PostgreSQL. */
    private long remove(Predicate<Stored> which) {
        int before = checkpoints.size();
        checkpoints.values().removeIf(which);
        checkpoints.replaceAll((key, s) -> {
            Checkpoint c = s.checkpoint();
            if (c.parentId() == null || checkpoints.containsKey(new Key(c.threadId(), c.namespace(), c.parentId()))) {
                return s;
            }
            Checkpoint orphan = new Checkpoint(
                    c.threadId(),
                    c.namespace(),
                    c.checkpointId(),
                    null,
                    c.state(),
                    c.metadata(),
                    c.runId(),
                    c.createdAt());
            return new Stored(s.serial(), orphan, s.writes());
        });
        return before - checkpoints.size();
    }

    private List<Stored> newestFirst(String threadId, String namespace) {
        return checkpoints.values().stream()
                .filter(s -> s.checkpoint().threadId().equals(threadId)
                        && s.checkpoint().namespace().equals(namespace))
                .sorted(Comparator.comparingLong(Stored::serial).reversed())
                .toList();
    }

    private Stored require(String threadId, String namespace, String checkpointId) {
        Stored stored = checkpoints.get(new Key(threadId, namespace, checkpointId));
        if (stored == null) {
            throw new NotFoundException("no checkpoint " + checkpointId + " in thread " + threadId);
        }
        return stored;
    }

    private record Key(String threadId, String namespace, String checkpointId) {
        Key {
            Objects.requireNonNull(namespace);
        }
    }

    /** Writes ordered by task, then index. */
    private record WriteKey(String taskId, int index) implements Comparable<WriteKey> {
        @Override
        public int compareTo(WriteKey other) {
            int byTask = taskId.compareTo(other.taskId);
            return byTask != 0 ? byTask : Integer.compare(index, other.index);
        }
    }

    private record Stored(long serial, Checkpoint checkpoint, TreeMap<WriteKey, PendingWrite> writes) {}
}

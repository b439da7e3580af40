package dev.agentstore.postgres.internal.checkpoint;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state each thread's newest checkpoint written through this store had, with the row's serial, so the next one
 * can be stored as a patch against it without reading it back. The patch is only written if the parent row still
 * has that serial (checked in the insert): a parent deleted and written again meanwhile, by any process, has
 * another serial, and the checkpoint is then stored whole. Bounded: past {@link #MAX_THREADS} threads it starts
 * over.
 */
public final class LastStates {
    /** The most threads remembered. */
    static final int MAX_THREADS = 10_000;

    private final Map<Key, Last> last = new ConcurrentHashMap<>();

    /** The remembered state of a thread's checkpoint {@code checkpointId}, or null. */
    Last of(String tenant, String threadId, String namespace, String checkpointId) {
        Last known = last.get(new Key(tenant, threadId, namespace));
        return known != null && known.checkpointId().equals(checkpointId) ? known : null;
    }

    void remember(String tenant, String threadId, String namespace, Last state) {
        if (last.size() >= MAX_THREADS) {
            last.clear();
        }
        last.put(new Key(tenant, threadId, namespace), state);
    }

    /** A checkpoint's row serial, full state, and how many patches it is from a whole stored state. */
    record Last(String checkpointId, long serial, Map<String, Object> state, int depth) {}

    private record Key(String tenant, String threadId, String namespace) {}
}

package dev.agentstore.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether a store is still open. Every repository a store hands out checks it first, in its validating decorator,
 * so that repositories kept after {@code close()} fail fast and plainly, whatever the backend: on a memory backend
 * they would otherwise keep working, and on a closed connection pool fail obscurely.
 */
public final class OpenGuard {
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Returns if the store is open.
     *
     * @throws IllegalStateException once it is closed
     */
    public void check() {
        if (closed.get()) {
            throw new IllegalStateException("this agentstore is closed");
        }
    }

    /** Marks the store closed; returns whether this call closed it. */
    public boolean close() {
        return closed.compareAndSet(false, true);
    }

    /** Whether the store is closed. */
    public boolean isClosed() {
        return closed.get();
    }
}

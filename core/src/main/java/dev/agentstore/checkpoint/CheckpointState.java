package dev.agentstore.checkpoint;

import dev.agentstore.Limits;
import dev.agentstore.internal.Metadata;

/** How large a checkpoint's state and a pending write's value may be: JSON-like, far larger than metadata. */
final class CheckpointState {
    /** Deep states (agent graphs nest), up to a million entries, strings of message size. */
    static final Metadata.Bounds BOUNDS = new Metadata.Bounds(64, 1_000_000, Limits.MAX_TEXT_CHARS);

    private CheckpointState() {}
}

package dev.agentstore.block;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a memory block's value: the first is its creation, each edit adds the next.
 *
 * @param blockId the block
 * @param version 1, 2, ...
 * @param value the value it had from this version on
 * @param editedBy who wrote it (an agent's or user's id), or null for the system
 * @param editedAt when
 */
public record BlockRevision(UUID blockId, long version, String value, UUID editedBy, Instant editedAt) {
    /** Leaves the value out, so a revision can be logged. */
    @Override
    public String toString() {
        return "BlockRevision[blockId=" + blockId + ", version=" + version + ", editedBy=" + editedBy + ", editedAt="
                + editedAt + "]";
    }
}

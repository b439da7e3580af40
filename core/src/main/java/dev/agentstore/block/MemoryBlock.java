package dev.agentstore.block;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored memory block.
 *
 * @param id its id
 * @param owner whose it is
 * @param label its name, unique per owner
 * @param value its current text
 * @param charLimit the most characters it may hold
 * @param description what it is for, or null
 * @param pinned whether context assembly always includes it
 * @param version 1 when created, one more with each edit (the optimistic-concurrency token of {@link
 *     MemoryBlockRepository#edit})
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param updatedBy who made the last change (an agent's or user's id), or null for the system
 */
public record MemoryBlock(
        UUID id,
        BlockOwner owner,
        String label,
        String value,
        int charLimit,
        String description,
        boolean pinned,
        long version,
        Instant createdAt,
        Instant updatedAt,
        UUID updatedBy) {
    /** The value's length in characters (code points), as the limit counts. */
    public int length() {
        return value.codePointCount(0, value.length());
    }

    /** The value's text with the content left out, so a block can be logged. */
    @Override
    public String toString() {
        return "MemoryBlock[id=" + id + ", owner=" + owner + ", label=" + label + ", length=" + length()
                + ", charLimit=" + charLimit + ", pinned=" + pinned + ", version=" + version + "]";
    }
}

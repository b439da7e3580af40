package dev.agentstore.block;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The memory blocks of one tenant. Thread-safe. Every change is one atomic call; an edit names the version it read,
 * so two writers never overwrite each other silently, and keeps the value as a new revision with who made it.
 * A user's blocks go with the user when erased, an agent's with the agent when deleted.
 */
public interface MemoryBlockRepository {
    /**
     * Creates a block at version 1 (its first revision).
     *
     * @param createdBy who creates it (an agent's or user's id), or null for the system
     * @throws dev.agentstore.ConflictException if the owner has a block with that label
     * @throws dev.agentstore.NotFoundException if the owning agent or user does not exist
     */
    MemoryBlock create(NewMemoryBlock block, UUID createdBy);

    /** The block with that id. */
    Optional<MemoryBlock> find(UUID blockId);

    /** The owner's block with that label. */
    Optional<MemoryBlock> find(BlockOwner owner, String label);

    /** The owner's blocks, by label. */
    List<MemoryBlock> ownedBy(BlockOwner owner);

    /** What an agent sees: its own blocks and the shared blocks attached to it, by label (its own first on a tie). */
    List<MemoryBlock> forAgent(UUID agentId);

    /**
     * Replaces the block's value, if it is still at {@code expectedVersion}, and keeps it as the next revision.
     *
     * @param editedBy who edits (an agent's or user's id), or null for the system
     * @return the block at its new version
     * @throws dev.agentstore.ConflictException if the block is at another version (someone edited it meanwhile)
     * @throws dev.agentstore.InvalidInputException if the value exceeds the block's character limit
     * @throws dev.agentstore.NotFoundException if there is no such block
     */
    MemoryBlock edit(UUID blockId, long expectedVersion, String value, UUID editedBy);

    /** Every version of the block's value, oldest first; empty for an unknown block. */
    List<BlockRevision> revisions(UUID blockId);

    /**
     * Attaches a shared block to an agent (again: no change).
     *
     * @throws dev.agentstore.ConflictException if the block is not shared
     * @throws dev.agentstore.NotFoundException if the block or agent does not exist
     */
    void attach(UUID blockId, UUID agentId);

    /** Detaches a shared block from an agent; false if it was not attached. */
    boolean detach(UUID blockId, UUID agentId);

    /** Deletes the block with its revisions and attachments; false if there was none. */
    boolean delete(UUID blockId);
}

package dev.agentstore.internal;

import dev.agentstore.audit.AuditActions;
import dev.agentstore.block.BlockOwner;
import dev.agentstore.block.BlockRevision;
import dev.agentstore.block.MemoryBlock;
import dev.agentstore.block.MemoryBlockRepository;
import dev.agentstore.block.NewMemoryBlock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's memory blocks with every change also in the audit log (who, what, which block), after the change
 * succeeded: the blocks' revisions keep the values, the audit log keeps the trail beside the SDK's other
 * security-relevant operations, and it stays when a block is deleted.
 */
public final class AuditedMemoryBlockRepository implements MemoryBlockRepository {
    private final MemoryBlockRepository backend;
    private final SdkAudit audit;

    public AuditedMemoryBlockRepository(MemoryBlockRepository backend, SdkAudit audit) {
        this.backend = backend;
        this.audit = audit;
    }

    @Override
    public MemoryBlock create(NewMemoryBlock block, UUID createdBy) {
        MemoryBlock created = backend.create(block, createdBy);
        audit.record(createdBy, AuditActions.MEMORY_BLOCK_CREATED, AuditActions.MEMORY_BLOCK, created.id());
        return created;
    }

    @Override
    public MemoryBlock edit(UUID blockId, long expectedVersion, String value, UUID editedBy) {
        MemoryBlock edited = backend.edit(blockId, expectedVersion, value, editedBy);
        audit.record(editedBy, AuditActions.MEMORY_BLOCK_EDITED, AuditActions.MEMORY_BLOCK, blockId);
        return edited;
    }

    @Override
    public void attach(UUID blockId, UUID agentId) {
        backend.attach(blockId, agentId);
        audit.record(null, AuditActions.MEMORY_BLOCK_ATTACHED, AuditActions.MEMORY_BLOCK, blockId);
    }

    @Override
    public boolean detach(UUID blockId, UUID agentId) {
        boolean detached = backend.detach(blockId, agentId);
        if (detached) {
            audit.record(null, AuditActions.MEMORY_BLOCK_DETACHED, AuditActions.MEMORY_BLOCK, blockId);
        }
        return detached;
    }

    @Override
    public boolean delete(UUID blockId) {
        boolean deleted = backend.delete(blockId);
        if (deleted) {
            audit.record(null, AuditActions.MEMORY_BLOCK_DELETED, AuditActions.MEMORY_BLOCK, blockId);
        }
        return deleted;
    }

    @Override
    public Optional<MemoryBlock> find(UUID blockId) {
        return backend.find(blockId);
    }

    @Override
    public Optional<MemoryBlock> find(BlockOwner owner, String label) {
        return backend.find(owner, label);
    }

    @Override
    public List<MemoryBlock> ownedBy(BlockOwner owner) {
        return backend.ownedBy(owner);
    }

    @Override
    public List<MemoryBlock> forAgent(UUID agentId) {
        return backend.forAgent(agentId);
    }

    @Override
    public List<BlockRevision> revisions(UUID blockId) {
        return backend.revisions(blockId);
    }
}

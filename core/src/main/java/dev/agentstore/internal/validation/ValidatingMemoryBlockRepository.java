package dev.agentstore.internal.validation;

import dev.agentstore.block.BlockOwner;
import dev.agentstore.block.BlockRevision;
import dev.agentstore.block.MemoryBlock;
import dev.agentstore.block.MemoryBlockRepository;
import dev.agentstore.block.NewMemoryBlock;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.OpenGuard;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Checks arguments before they reach the backend; the value's limit is the stored block's, checked there. */
public final class ValidatingMemoryBlockRepository implements MemoryBlockRepository {
    private final OpenGuard open;
    private final MemoryBlockRepository backend;

    public ValidatingMemoryBlockRepository(OpenGuard open, MemoryBlockRepository backend) {
        this.open = open;
        this.backend = backend;
    }

    @Override
    public MemoryBlock create(NewMemoryBlock block, UUID createdBy) {
        open.check();
        return backend.create(Check.present("block", block), createdBy);
    }

    @Override
    public Optional<MemoryBlock> find(UUID blockId) {
        open.check();
        return backend.find(Check.id("blockId", blockId));
    }

    @Override
    public Optional<MemoryBlock> find(BlockOwner owner, String label) {
        open.check();
        return backend.find(Check.present("owner", owner), Check.name("label", label));
    }

    @Override
    public List<MemoryBlock> ownedBy(BlockOwner owner) {
        open.check();
        return backend.ownedBy(Check.present("owner", owner));
    }

    @Override
    public List<MemoryBlock> forAgent(UUID agentId) {
        open.check();
        return backend.forAgent(Check.id("agentId", agentId));
    }

    @Override
    public MemoryBlock edit(UUID blockId, long expectedVersion, String value, UUID editedBy) {
        open.check();
        Check.id("blockId", blockId);
        Check.range("expectedVersion", expectedVersion, 1, Long.MAX_VALUE);
        Check.present("value", value);
        if (!value.isEmpty()) {
            Check.text("value", value, NewMemoryBlock.MAX_CHAR_LIMIT * 2);
        }
        return backend.edit(blockId, expectedVersion, value, editedBy);
    }

    @Override
    public List<BlockRevision> revisions(UUID blockId) {
        open.check();
        return backend.revisions(Check.id("blockId", blockId));
    }

    @Override
    public void attach(UUID blockId, UUID agentId) {
        open.check();
        backend.attach(Check.id("blockId", blockId), Check.id("agentId", agentId));
    }

    @Override
    public boolean detach(UUID blockId, UUID agentId) {
        open.check();
        return backend.detach(Check.id("blockId", blockId), Check.id("agentId", agentId));
    }

    @Override
    public boolean delete(UUID blockId) {
        open.check();
        return backend.delete(Check.id("blockId", blockId));
    }
}

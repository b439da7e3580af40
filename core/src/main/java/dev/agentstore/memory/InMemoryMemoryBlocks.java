package dev.agentstore.memory;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.block.BlockOwner;
import dev.agentstore.block.BlockRevision;
import dev.agentstore.block.MemoryBlock;
import dev.agentstore.block.MemoryBlockRepository;
import dev.agentstore.block.NewMemoryBlock;
import dev.agentstore.spi.BlockValues;
import dev.agentstore.spi.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The memory blocks of one tenant in memory, with their revisions and attachments. An owner must exist when its
 * block is created; a user's blocks go with the user, an agent's with the agent, and an erased user's id is taken
 * out of the revisions they wrote.
 */
final class InMemoryMemoryBlocks implements MemoryBlockRepository {
    /** By label, then the agent's own block before a shared one of the same label. */
    private static final Comparator<MemoryBlock> BY_LABEL = Comparator.comparing(MemoryBlock::label)
            .thenComparing(b -> b.owner().kind() == BlockOwner.Kind.SHARED);

    private final Clock clock;
    private final Predicate<UUID> agentExists;
    private final Predicate<UUID> userExists;
    private final Map<UUID, MemoryBlock> blocks = new LinkedHashMap<>();
    private final Map<UUID, List<BlockRevision>> revisions = new HashMap<>();
    private final Map<UUID, Set<UUID>> attachedAgents = new HashMap<>();

    /**
     * @param agentExists and {@code userExists}: whether the tenant has the agent or user (asked without this
     *     repository's lock held)
     */
    InMemoryMemoryBlocks(
            Clock clock, Predicate<UUID> agentExists, Predicate<UUID> userExists, RemovalListeners removals) {
        this.clock = clock;
        this.agentExists = agentExists;
        this.userExists = userExists;
        removals.add(this::forgetUser, conversation -> {});
        removals.onAgentDeleted(this::forgetAgent);
    }

    @Override
    public MemoryBlock create(NewMemoryBlock block, UUID createdBy) {
        BlockOwner owner = block.owner();
        if (owner.kind() == BlockOwner.Kind.AGENT && !agentExists.test(owner.id())) {
            throw new NotFoundException("no agent with id " + owner.id());
        }
        if (owner.kind() == BlockOwner.Kind.USER && !userExists.test(owner.id())) {
            throw new NotFoundException("no user with id " + owner.id());
        }
        synchronized (this) {
            if (findOwned(owner, block.label()).isPresent()) {
                throw new ConflictException("the owner already has a memory block labelled " + block.label());
            }
            Instant now = clock.instant();
            MemoryBlock created = new MemoryBlock(
                    Ids.newId(),
                    owner,
                    block.label(),
                    block.value(),
                    block.charLimit(),
                    block.description(),
                    block.pinned(),
                    1,
                    now,
                    now,
                    createdBy);
            blocks.put(created.id(), created);
            revisions
                    .computeIfAbsent(created.id(), id -> new ArrayList<>())
                    .add(new BlockRevision(created.id(), 1, created.value(), createdBy, now));
            return created;
        }
    }

    @Override
    public synchronized Optional<MemoryBlock> find(UUID blockId) {
        return Optional.ofNullable(blocks.get(blockId));
    }

    @Override
    public synchronized Optional<MemoryBlock> find(BlockOwner owner, String label) {
        return findOwned(owner, label);
    }

    @Override
    public synchronized List<MemoryBlock> ownedBy(BlockOwner owner) {
        return blocks.values().stream()
                .filter(b -> b.owner().equals(owner))
                .sorted(BY_LABEL)
                .toList();
    }

    @Override
    public synchronized List<MemoryBlock> forAgent(UUID agentId) {
        return blocks.values().stream()
                .filter(b -> b.owner().equals(BlockOwner.agent(agentId))
                        || attachedAgents.getOrDefault(b.id(), Set.of()).contains(agentId))
                .sorted(BY_LABEL)
                .toList();
    }

    @Override
    public synchronized MemoryBlock edit(UUID blockId, long expectedVersion, String value, UUID editedBy) {
        MemoryBlock current = require(blockId);
        if (current.version() != expectedVersion) {
            throw new ConflictException("memory block " + blockId + " is at version " + current.version() + ", not "
                    + expectedVersion + ": read it again and reapply the edit");
        }
        BlockValues.check("value", value, current.charLimit());
        Instant now = clock.instant();
        MemoryBlock edited = new MemoryBlock(
                current.id(),
                current.owner(),
                current.label(),
                value,
                current.charLimit(),
                current.description(),
                current.pinned(),
                current.version() + 1,
                current.createdAt(),
                now,
                editedBy);
        blocks.put(blockId, edited);
        revisions.get(blockId).add(new BlockRevision(blockId, edited.version(), value, editedBy, now));
        return edited;
    }

    @Override
    public synchronized List<BlockRevision> revisions(UUID blockId) {
        return List.copyOf(revisions.getOrDefault(blockId, List.of()));
    }

    @Override
    public void attach(UUID blockId, UUID agentId) {
        if (!agentExists.test(agentId)) {
            throw new NotFoundException("no agent with id " + agentId);
        }
        synchronized (this) {
            MemoryBlock block = require(blockId);
            if (block.owner().kind() != BlockOwner.Kind.SHARED) {
                throw new ConflictException("memory block " + blockId + " is owned by one "
                        + block.owner().kind() + "; only a shared block is attached to agents");
            }
            attachedAgents.computeIfAbsent(blockId, id -> new HashSet<>()).add(agentId);
        }
    }

    @Override
    public synchronized boolean detach(UUID blockId, UUID agentId) {
        Set<UUID> agents = attachedAgents.get(blockId);
        return agents != null && agents.remove(agentId);
    }

    @Override
    public synchronized boolean delete(UUID blockId) {
        revisions.remove(blockId);
        attachedAgents.remove(blockId);
        return blocks.remove(blockId) != null;
    }

    private Optional<MemoryBlock> findOwned(BlockOwner owner, String label) {
        return blocks.values().stream()
                .filter(b -> b.owner().equals(owner) && b.label().equals(label))
                .findFirst();
    }

    private MemoryBlock require(UUID blockId) {
        MemoryBlock block = blocks.get(blockId);
        if (block == null) {
            throw new NotFoundException("no memory block with id " + blockId);
        }
        return block;
    }

    /** The user's blocks go, and their id leaves the revisions and last-edit marks of other blocks. */
    private synchronized void forgetUser(UUID userId) {
        removeBlocks(b -> b.owner().equals(BlockOwner.user(userId)));
        blocks.replaceAll((id, b) -> Objects.equals(b.updatedBy(), userId) ? withoutEditor(b) : b);
        revisions.replaceAll((id, list) -> new ArrayList<>(list.stream()
                .map(r -> Objects.equals(r.editedBy(), userId)
                        ? new BlockRevision(r.blockId(), r.version(), r.value(), null, r.editedAt())
                        : r)
                .toList()));
    }

    private synchronized void forgetAgent(UUID agentId) {
        removeBlocks(b -> b.owner().equals(BlockOwner.agent(agentId)));
        attachedAgents.values().forEach(agents -> agents.remove(agentId));
    }

    private void removeBlocks(Predicate<MemoryBlock> which) {
        List<UUID> gone =
                blocks.values().stream().filter(which).map(MemoryBlock::id).toList();
        gone.forEach(id -> {
            blocks.remove(id);
            revisions.remove(id);
            attachedAgents.remove(id);
        });
    }

    private static MemoryBlock withoutEditor(MemoryBlock b) {
        return new MemoryBlock(
                b.id(),
                b.owner(),
                b.label(),
                b.value(),
                b.charLimit(),
                b.description(),
                b.pinned(),
                b.version(),
                b.createdAt(),
                b.updatedAt(),
                null);
    }
}

package dev.agentstore.postgres.internal.block;

import static dev.agentstore.postgres.internal.jooq.Tables.AGENTS;
import static dev.agentstore.postgres.internal.jooq.Tables.MEMORY_BLOCKS;
import static dev.agentstore.postgres.internal.jooq.Tables.MEMORY_BLOCK_AGENTS;
import static dev.agentstore.postgres.internal.jooq.Tables.MEMORY_BLOCK_REVISIONS;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.block.BlockOwner;
import dev.agentstore.block.BlockRevision;
import dev.agentstore.block.MemoryBlock;
import dev.agentstore.block.MemoryBlockRepository;
import dev.agentstore.block.NewMemoryBlock;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.postgres.spi.Timestamps;
import dev.agentstore.spi.BlockValues;
import dev.agentstore.spi.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The memory blocks of one tenant in {@code memory_blocks}, their revisions in {@code memory_block_revisions} and
 * the attachments of shared blocks in {@code memory_block_agents}. A change and its revision are one transaction;
 * an edit locks the block's row, checks the version it was given and the block's limit, then writes both.
 */
public final class PostgresMemoryBlocks implements MemoryBlockRepository {
    private final TenantSql sql;
    private final Clock clock;

    /** The memory blocks of {@code sql}'s tenant. */
    public PostgresMemoryBlocks(TenantSql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public MemoryBlock create(NewMemoryBlock block, UUID createdBy) {
        BlockOwner owner = block.owner();
        Instant now = Timestamps.now(clock);
        UUID id = Ids.newId(clock);
        try {
            return sql.transaction((connection, dsl) -> {
                Record created = dsl.insertInto(MEMORY_BLOCKS)
                        .set(MEMORY_BLOCKS.TENANT_ID, sql.tenant())
                        .set(MEMORY_BLOCKS.ID, id)
                        .set(MEMORY_BLOCKS.OWNER_KIND, owner.kind().name())
                        .set(MEMORY_BLOCKS.AGENT_ID, owner.kind() == BlockOwner.Kind.AGENT ? owner.id() : null)
                        .set(MEMORY_BLOCKS.USER_ID, owner.kind() == BlockOwner.Kind.USER ? owner.id() : null)
                        .set(MEMORY_BLOCKS.LABEL, block.label())
                        .set(MEMORY_BLOCKS.VALUE, block.value())
                        .set(MEMORY_BLOCKS.CHAR_LIMIT, block.charLimit())
                        .set(MEMORY_BLOCKS.DESCRIPTION, block.description())
                        .set(MEMORY_BLOCKS.PINNED, block.pinned())
                        .set(MEMORY_BLOCKS.VERSION, 1L)
                        .set(MEMORY_BLOCKS.CREATED_AT, now)
                        .set(MEMORY_BLOCKS.UPDATED_AT, now)
                        .set(MEMORY_BLOCKS.UPDATED_BY, createdBy)
                        .returning()
                        .fetchOne();
                revision(dsl, id, 1, block.value(), createdBy, now);
                return block(created);
            });
        } catch (ConflictException e) {
            throw new ConflictException("the owner already has a memory block labelled " + block.label(), e);
        } catch (NotFoundException e) {
            throw new NotFoundException(
                    "no " + owner.kind().name().toLowerCase(java.util.Locale.ROOT) + " with id " + owner.id(), e);
        }
    }

    @Override
    public Optional<MemoryBlock> find(UUID blockId) {
        return list(MEMORY_BLOCKS.ID.eq(blockId)).stream().findFirst();
    }

    @Override
    public Optional<MemoryBlock> find(BlockOwner owner, String label) {
        return list(DSL.and(of(owner), MEMORY_BLOCKS.LABEL.eq(label))).stream().findFirst();
    }

    @Override
    public List<MemoryBlock> ownedBy(BlockOwner owner) {
        return list(of(owner));
    }

    @Override
    public List<MemoryBlock> forAgent(UUID agentId) {
        return list(of(BlockOwner.agent(agentId))
                .or(DSL.exists(DSL.selectOne()
                        .from(MEMORY_BLOCK_AGENTS)
                        .where(
                                MEMORY_BLOCK_AGENTS.TENANT_ID.eq(sql.tenant()),
                                MEMORY_BLOCK_AGENTS.BLOCK_ID.eq(MEMORY_BLOCKS.ID),
                                MEMORY_BLOCK_AGENTS.AGENT_ID.eq(agentId)))));
    }

    @Override
    public MemoryBlock edit(UUID blockId, long expectedVersion, String value, UUID editedBy) {
        return sql.transaction((connection, dsl) -> {
            Record current = dsl.select(MEMORY_BLOCKS.VERSION, MEMORY_BLOCKS.CHAR_LIMIT)
                    .from(MEMORY_BLOCKS)
                    .where(MEMORY_BLOCKS.TENANT_ID.eq(sql.tenant()), MEMORY_BLOCKS.ID.eq(blockId))
                    .forUpdate()
                    .fetchOne();
            if (current == null) {
                throw new NotFoundException("no memory block with id " + blockId);
            }
            long stored = current.get(MEMORY_BLOCKS.VERSION);
            if (stored != expectedVersion) {
                throw new ConflictException("memory block " + blockId + " is at version " + stored + ", not "
                        + expectedVersion + ": read it again and reapply the edit");
            }
            BlockValues.check("value", value, current.get(MEMORY_BLOCKS.CHAR_LIMIT));
            Instant now = Timestamps.now(clock);
            long version = expectedVersion + 1;
            Record edited = dsl.update(MEMORY_BLOCKS)
                    .set(MEMORY_BLOCKS.VALUE, value)
                    .set(MEMORY_BLOCKS.VERSION, version)
                    .set(MEMORY_BLOCKS.UPDATED_AT, now)
                    .set(MEMORY_BLOCKS.UPDATED_BY, editedBy)
                    .where(MEMORY_BLOCKS.TENANT_ID.eq(sql.tenant()), MEMORY_BLOCKS.ID.eq(blockId))
                    .returning()
                    .fetchOne();
            revision(dsl, blockId, version, value, editedBy, now);
            return block(edited);
        });
    }

    @Override
    public List<BlockRevision> revisions(UUID blockId) {
        return sql.reads()
                .fetch(DSL.select(MEMORY_BLOCK_REVISIONS.fields())
                        .from(MEMORY_BLOCK_REVISIONS)
                        .where(
                                MEMORY_BLOCK_REVISIONS.TENANT_ID.eq(sql.tenant()),
                                MEMORY_BLOCK_REVISIONS.BLOCK_ID.eq(blockId))
                        .orderBy(MEMORY_BLOCK_REVISIONS.VERSION))
                .map(r -> new BlockRevision(
                        r.get(MEMORY_BLOCK_REVISIONS.BLOCK_ID),
                        r.get(MEMORY_BLOCK_REVISIONS.VERSION),
                        r.get(MEMORY_BLOCK_REVISIONS.VALUE),
                        r.get(MEMORY_BLOCK_REVISIONS.EDITED_BY),
                        r.get(MEMORY_BLOCK_REVISIONS.EDITED_AT)));
    }

    @Override
    public void attach(UUID blockId, UUID agentId) {
        sql.transaction((connection, dsl) -> {
            String kind = dsl.select(MEMORY_BLOCKS.OWNER_KIND)
                    .from(MEMORY_BLOCKS)
                    .where(MEMORY_BLOCKS.TENANT_ID.eq(sql.tenant()), MEMORY_BLOCKS.ID.eq(blockId))
                    .fetchOne(MEMORY_BLOCKS.OWNER_KIND);
            if (kind == null) {
                throw new NotFoundException("no memory block with id " + blockId);
            }
            if (!kind.equals(BlockOwner.Kind.SHARED.name())) {
                throw new ConflictException("memory block " + blockId + " is owned by one " + kind
                        + "; only a shared block is attached to agents");
            }
            if (!dsl.fetchExists(AGENTS, AGENTS.TENANT_ID.eq(sql.tenant()), AGENTS.ID.eq(agentId))) {
                throw new NotFoundException("no agent with id " + agentId);
            }
            return dsl.insertInto(MEMORY_BLOCK_AGENTS)
                    .set(MEMORY_BLOCK_AGENTS.TENANT_ID, sql.tenant())
                    .set(MEMORY_BLOCK_AGENTS.BLOCK_ID, blockId)
                    .set(MEMORY_BLOCK_AGENTS.AGENT_ID, agentId)
                    .onConflictDoNothing()
                    .execute();
        });
    }

    @Override
    public boolean detach(UUID blockId, UUID agentId) {
        return sql.transaction((connection, dsl) -> dsl.deleteFrom(MEMORY_BLOCK_AGENTS)
                        .where(
                                MEMORY_BLOCK_AGENTS.TENANT_ID.eq(sql.tenant()),
                                MEMORY_BLOCK_AGENTS.BLOCK_ID.eq(blockId),
                                MEMORY_BLOCK_AGENTS.AGENT_ID.eq(agentId))
                        .execute())
                == 1;
    }

    @Override
    public boolean delete(UUID blockId) {
        return sql.transaction((connection, dsl) -> dsl.deleteFrom(MEMORY_BLOCKS)
                        .where(MEMORY_BLOCKS.TENANT_ID.eq(sql.tenant()), MEMORY_BLOCKS.ID.eq(blockId))
                        .execute())
                == 1;
    }

    private List<MemoryBlock> list(Condition which) {
        return sql.reads()
                .fetch(DSL.select(MEMORY_BLOCKS.fields())
                        .from(MEMORY_BLOCKS)
                        .where(MEMORY_BLOCKS.TENANT_ID.eq(sql.tenant()), which)
                        .orderBy(MEMORY_BLOCKS.LABEL, MEMORY_BLOCKS.OWNER_KIND.eq(BlockOwner.Kind.SHARED.name())))
                .map(PostgresMemoryBlocks::block);
    }

    private Condition of(BlockOwner owner) {
        Condition kind = MEMORY_BLOCKS.OWNER_KIND.eq(owner.kind().name());
        return switch (owner.kind()) {
            case AGENT -> kind.and(MEMORY_BLOCKS.AGENT_ID.eq(owner.id()));
            case USER -> kind.and(MEMORY_BLOCKS.USER_ID.eq(owner.id()));
            case SHARED -> kind;
        };
    }

    private void revision(DSLContext dsl, UUID blockId, long version, String value, UUID editedBy, Instant at) {
        dsl.insertInto(MEMORY_BLOCK_REVISIONS)
                .set(MEMORY_BLOCK_REVISIONS.TENANT_ID, sql.tenant())
                .set(MEMORY_BLOCK_REVISIONS.BLOCK_ID, blockId)
                .set(MEMORY_BLOCK_REVISIONS.VERSION, version)
                .set(MEMORY_BLOCK_REVISIONS.VALUE, value)
                .set(MEMORY_BLOCK_REVISIONS.EDITED_BY, editedBy)
                .set(MEMORY_BLOCK_REVISIONS.EDITED_AT, at)
                .execute();
    }

    private static MemoryBlock block(Record r) {
        BlockOwner.Kind kind = BlockOwner.Kind.valueOf(r.get(MEMORY_BLOCKS.OWNER_KIND));
        BlockOwner owner = switch (kind) {
            case AGENT -> BlockOwner.agent(r.get(MEMORY_BLOCKS.AGENT_ID));
            case USER -> BlockOwner.user(r.get(MEMORY_BLOCKS.USER_ID));
            case SHARED -> BlockOwner.shared();
        };
        return new MemoryBlock(
                r.get(MEMORY_BLOCKS.ID),
                owner,
                r.get(MEMORY_BLOCKS.LABEL),
                r.get(MEMORY_BLOCKS.VALUE),
                r.get(MEMORY_BLOCKS.CHAR_LIMIT),
                r.get(MEMORY_BLOCKS.DESCRIPTION),
                r.get(MEMORY_BLOCKS.PINNED),
                r.get(MEMORY_BLOCKS.VERSION),
                r.get(MEMORY_BLOCKS.CREATED_AT),
                r.get(MEMORY_BLOCKS.UPDATED_AT),
                r.get(MEMORY_BLOCKS.UPDATED_BY));
    }
}

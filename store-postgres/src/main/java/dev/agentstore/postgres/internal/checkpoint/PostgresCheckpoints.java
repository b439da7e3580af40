package dev.agentstore.postgres.internal.checkpoint;

import static dev.agentstore.postgres.internal.jooq.Tables.AGENT_RUNS;
import static dev.agentstore.postgres.internal.jooq.Tables.CHECKPOINTS;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.checkpoint.Checkpoint;
import dev.agentstore.checkpoint.CheckpointRepository;
import dev.agentstore.checkpoint.NewCheckpoint;
import dev.agentstore.checkpoint.PendingWrite;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.SqlTemplate;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.postgres.spi.Timestamps;
import dev.agentstore.spi.Cursors;
import dev.agentstore.spi.Pages;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The run checkpoints of one tenant in {@code checkpoints} and {@code checkpoint_writes}. A write is one
 * {@code INSERT ... ON CONFLICT DO NOTHING RETURNING} (the parent's existence checked in the same statement); a
 * repeat returns nothing and reads the stored row. The newest checkpoint of a thread is the highest serial.
 */
public final class PostgresCheckpoints implements CheckpointRepository {
    private static final List<Field<?>> ROW = List.of(
            CHECKPOINTS.THREAD_ID,
            CHECKPOINTS.NAMESPACE,
            CHECKPOINTS.CHECKPOINT_ID,
            CHECKPOINTS.PARENT_ID,
            CHECKPOINTS.STATE,
            CHECKPOINTS.METADATA,
            CHECKPOINTS.RUN_ID,
            CHECKPOINTS.CREATED_AT,
            CHECKPOINTS.SERIAL,
            CHECKPOINTS.DELTA);

    /** A patch is stored only when it is smaller than this share of the whole state. */
    private static final double DELTA_SHARE = 0.5;

    /** The longest chain of patches before a state is stored whole again. */
    static final int MAX_DEPTH = 16;

    private final TenantSql sql;
    private final CheckpointStatements statements;
    private final LastStates lastStates;
    private final Clock clock;

    /**
     * The checkpoints of {@code sql}'s tenant, written through the store's rendered {@code statements}, patched
     * against the states in the store's {@code lastStates}.
     */
    public PostgresCheckpoints(TenantSql sql, CheckpointStatements statements, LastStates lastStates, Clock clock) {
        this.sql = sql;
        this.statements = statements;
        this.lastStates = lastStates;
        this.clock = clock;
    }

    /**
     * One statement in the round trip of the tenant's setting: a patch against the parent when this store wrote the
     * parent and the patch is less than half the state, else the whole state; either skips a checkpoint stored before,
     * and the parent is checked by the foreign key. Only when nothing is written is the stored checkpoint read.
     */
    @Override
    public Checkpoint put(NewCheckpoint c) {
        Instant now = Timestamps.now(clock);
        JSONB whole = Json.of(c.state());
        Optional<Stored> stored = Optional.empty();
        LastStates.Last parent =
                c.parentId() == null ? null : lastStates.of(sql.tenant(), c.threadId(), c.namespace(), c.parentId());
        int depth = 0;
        if (parent != null && parent.depth() < MAX_DEPTH) {
            Map<String, Object> patch = StateDelta.diff(parent.state(), c.state());
            JSONB delta = patch == null ? null : Json.of(patch);
            if (delta != null && delta.data().length() < whole.data().length() * DELTA_SHARE) {
                Map<String, Object> values =
                        CheckpointStatements.values(sql.tenant(), c, now, delta, parent.depth() + 1);
                values.put("parent_serial", parent.serial());
                stored = write(statements.putDelta, values, c);
                depth = parent.depth() + 1;
            }
        }
        if (stored.isEmpty()) { // no patch, or the parent row is not the one remembered: the whole state
            stored = write(statements.put, CheckpointStatements.values(sql.tenant(), c, now, whole, 0), c);
            depth = 0;
        }
        if (stored.isEmpty()) { // stored before: a repeat
            return one(
                            sql.primaryReads(),
                            DSL.and(of(c.threadId(), c.namespace()), CHECKPOINTS.CHECKPOINT_ID.eq(c.checkpointId())))
                    .orElseThrow();
        }
        lastStates.remember(
                sql.tenant(),
                c.threadId(),
                c.namespace(),
                new LastStates.Last(c.checkpointId(), stored.get().serial(), c.state(), depth));
        // the state written is the one given (already a checked copy): not read back
        return new Checkpoint(
                c.threadId(),
                c.namespace(),
                c.checkpointId(),
                c.parentId(),
                c.state(),
                c.metadata(),
                c.runId(),
                stored.get().createdAt());
    }

    private Optional<Stored> write(SqlTemplate template, Map<String, Object> values, NewCheckpoint c) {
        try {
            return sql
                    .query(
                            template,
                            values,
                            row -> new Stored(
                                    row.getObject(1, OffsetDateTime.class).toInstant(), row.getLong(2)))
                    .stream()
                    .findFirst();
        } catch (NotFoundException e) {
            throw new NotFoundException(
                    c.runId() != null && !runStored(c)
                            ? "no run with id " + c.runId()
                            : "no checkpoint " + c.parentId() + " in thread " + c.threadId(),
                    e);
        }
    }

    /** When a written row was stored and its serial. */
    private record Stored(Instant createdAt, long serial) {}

    private boolean runStored(NewCheckpoint c) {
        return !sql.primaryReads()
                .fetch(DSL.selectOne()
                        .from(AGENT_RUNS)
                        .where(AGENT_RUNS.TENANT_ID.eq(sql.tenant()), AGENT_RUNS.ID.eq(c.runId())))
                .isEmpty();
    }

    @Override
    public Optional<Checkpoint> find(String threadId, String namespace, String checkpointId) {
        return one(sql.reads(), DSL.and(of(threadId, namespace), CHECKPOINTS.CHECKPOINT_ID.eq(checkpointId)));
    }

    @Override
    public Optional<Checkpoint> latest(String threadId, String namespace) {
        return one(sql.reads(), of(threadId, namespace));
    }

    @Override
    public Page<Checkpoint> history(String threadId, String namespace, PageRequest page) {
        Condition before =
                page.cursor() == null ? DSL.trueCondition() : CHECKPOINTS.SERIAL.lt(Cursors.decodeLong(page.cursor()));
        List<Record> rows = sql.replicaReads()
                .fetch(DSL.select(ROW)
                        .from(CHECKPOINTS)
                        .where(of(threadId, namespace), before)
                        .orderBy(CHECKPOINTS.SERIAL.desc())
                        .limit(DSL.inline(page.limit() + 1)));
        Page<Record> paged = Pages.of(rows, page.limit(), r -> Long.toString(r.get(CHECKPOINTS.SERIAL)));
        return new Page<>(checkpoints(threadId, namespace, paged.items()), paged.nextCursor());
    }

    @Override
    public void putWrites(String threadId, String namespace, String checkpointId, List<PendingWrite> writes) {
        sql.transaction((connection, dsl) -> {
            if (!exists(dsl, threadId, namespace, checkpointId)) {
                throw new NotFoundException("no checkpoint " + checkpointId + " in thread " + threadId);
            }
            return PendingWriteRows.insert(dsl, sql.tenant(), threadId, namespace, checkpointId, writes);
        });
    }

    @Override
    public Checkpoint fork(String threadId, String namespace, String checkpointId, String newThreadId) {
        Checkpoint source = one(
                        sql.primaryReads(),
                        DSL.and(of(threadId, namespace), CHECKPOINTS.CHECKPOINT_ID.eq(checkpointId)))
                .orElseThrow(() -> new NotFoundException("no checkpoint " + checkpointId + " in thread " + threadId));
        List<PendingWrite> writes = PendingWriteRows.read(sql.primaryReads(), threadId, namespace, checkpointId);
        Map<String, Object> metadata = new LinkedHashMap<>(source.metadata());
        metadata.put("forked_from_thread", threadId);
        metadata.put("forked_from_checkpoint", checkpointId);
        return sql.transaction((connection, dsl) -> {
            if (dsl.fetchExists(CHECKPOINTS, of(newThreadId, namespace))) {
                throw new ConflictException(
                        "thread " + newThreadId + " already has checkpoints in namespace '" + namespace + "'");
            }
            Instant created = dsl.insertInto(CHECKPOINTS)
                    .set(CHECKPOINTS.TENANT_ID, sql.tenant())
                    .set(CHECKPOINTS.THREAD_ID, newThreadId)
                    .set(CHECKPOINTS.NAMESPACE, namespace)
                    .set(CHECKPOINTS.CHECKPOINT_ID, checkpointId)
                    .set(CHECKPOINTS.RUN_ID, source.runId())
                    .set(CHECKPOINTS.STATE, Json.of(source.state()))
                    .set(CHECKPOINTS.METADATA, Json.of(metadata))
                    .set(CHECKPOINTS.CREATED_AT, Timestamps.now(clock))
                    .returning(CHECKPOINTS.CREATED_AT)
                    .fetchOne(CHECKPOINTS.CREATED_AT);
            Checkpoint forked = new Checkpoint(
                    newThreadId,
                    namespace,
                    checkpointId,
                    null,
                    source.state(),
                    Collections.unmodifiableMap(metadata),
                    source.runId(),
                    created);
            PendingWriteRows.insert(dsl, sql.tenant(), newThreadId, namespace, checkpointId, writes);
            return forked;
        });
    }

    @Override
    public long deleteThread(String threadId) {
        return sql.transaction((connection, dsl) -> (long) dsl.deleteFrom(CHECKPOINTS)
                .where(CHECKPOINTS.TENANT_ID.eq(sql.tenant()), CHECKPOINTS.THREAD_ID.eq(threadId))
                .execute());
    }

    /**
     * Deletes in one transaction; a kept checkpoint stored as a patch against one that goes is first rewritten with
     * its whole state, so no kept state loses its base.
     */
    @Override
    public long deleteOlderThan(Instant cutoff) {
        return sql.transaction((connection, dsl) -> {
            CheckpointPatches.wholeBeforeDeleting(dsl, sql.tenant(), cutoff);
            return (long) dsl.deleteFrom(CHECKPOINTS)
                    .where(CHECKPOINTS.TENANT_ID.eq(sql.tenant()), CHECKPOINTS.CREATED_AT.lt(cutoff))
                    .execute();
        });
    }

    @Override
    public List<PendingWrite> pendingWrites(String threadId, String namespace, String checkpointId) {
        return PendingWriteRows.read(sql, threadId, namespace, checkpointId);
    }

    private boolean exists(DSLContext dsl, String threadId, String namespace, String checkpointId) {
        return dsl.fetchExists(
                CHECKPOINTS, DSL.and(of(threadId, namespace), CHECKPOINTS.CHECKPOINT_ID.eq(checkpointId)));
    }

    private Optional<Checkpoint> one(TenantSql reader, Condition which) {
        return reader
                .fetch(DSL.select(ROW)
                        .from(CHECKPOINTS)
                        .where(which)
                        .orderBy(CHECKPOINTS.SERIAL.desc())
                        .limit(1))
                .stream()
                .findFirst()
                .map(r -> checkpoints(r.get(CHECKPOINTS.THREAD_ID), r.get(CHECKPOINTS.NAMESPACE), List.of(r))
                        .getFirst());
    }

    private Condition of(String threadId, String namespace) {
        return DSL.and(
                CHECKPOINTS.TENANT_ID.eq(sql.tenant()),
                CHECKPOINTS.THREAD_ID.eq(threadId),
                CHECKPOINTS.NAMESPACE.eq(namespace));
    }

    /** Read checkpoints of one thread and namespace; their patches completed with one more query in all. */
    private List<Checkpoint> checkpoints(String threadId, String namespace, List<Record> rows) {
        List<String> patched = rows.stream()
                .filter(r -> r.get(CHECKPOINTS.DELTA))
                .map(r -> r.get(CHECKPOINTS.CHECKPOINT_ID))
                .toList();
        Map<String, Map<String, Object>> wholes = patched.isEmpty()
                ? Map.of()
                : sql.transaction(
                        (connection, dsl) -> CheckpointPatches.wholes(dsl, sql.tenant(), threadId, namespace, patched));
        return rows.stream()
                .map(r -> new Checkpoint(
                        r.get(CHECKPOINTS.THREAD_ID),
                        r.get(CHECKPOINTS.NAMESPACE),
                        r.get(CHECKPOINTS.CHECKPOINT_ID),
                        r.get(CHECKPOINTS.PARENT_ID),
                        r.get(CHECKPOINTS.DELTA)
                                ? Collections.unmodifiableMap(wholes.get(r.get(CHECKPOINTS.CHECKPOINT_ID)))
                                : Json.map(r.get(CHECKPOINTS.STATE)),
                        Json.map(r.get(CHECKPOINTS.METADATA)),
                        r.get(CHECKPOINTS.RUN_ID),
                        r.get(CHECKPOINTS.CREATED_AT)))
                .toList();
    }
}

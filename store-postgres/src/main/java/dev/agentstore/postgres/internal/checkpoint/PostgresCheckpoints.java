package dev.agentstore.postgres.internal.checkpoint;

import static dev.agentstore.postgres.internal.jooq.Tables.AGENT_RUNS;
import static dev.agentstore.postgres.internal.jooq.Tables.CHECKPOINTS;
import static dev.agentstore.postgres.internal.jooq.Tables.CHECKPOINT_WRITES;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.checkpoint.Checkpoint;
import dev.agentstore.checkpoint.CheckpointRepository;
import dev.agentstore.checkpoint.NewCheckpoint;
import dev.agentstore.checkpoint.PendingWrite;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.postgres.spi.Timestamps;
import dev.agentstore.spi.Cursors;
import dev.agentstore.spi.Pages;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep8;
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
            CHECKPOINTS.SERIAL);

    private final TenantSql sql;
    private final CheckpointStatements statements;
    private final Clock clock;

    /** The checkpoints of {@code sql}'s tenant, written through the store's rendered {@code statements}. */
    public PostgresCheckpoints(TenantSql sql, CheckpointStatements statements, Clock clock) {
        this.sql = sql;
        this.statements = statements;
        this.clock = clock;
    }

    @Override
    public Checkpoint put(NewCheckpoint c) {
        Optional<Instant> stored;
        try {
            stored = sql
                    .query(
                            statements.put,
                            CheckpointStatements.values(sql.tenant(), c, Timestamps.now(clock)),
                            row -> row.getObject(1, OffsetDateTime.class).toInstant())
                    .stream()
                    .findFirst();
        } catch (NotFoundException e) {
            throw new NotFoundException(
                    c.runId() != null && !runStored(c)
                            ? "no run with id " + c.runId()
                            : "no checkpoint " + c.parentId() + " in thread " + c.threadId(),
                    e);
        }
        if (stored.isPresent()) { // the state written is the one given (already a checked copy): not read back
            return new Checkpoint(
                    c.threadId(),
                    c.namespace(),
                    c.checkpointId(),
                    c.parentId(),
                    c.state(),
                    c.metadata(),
                    c.runId(),
                    stored.get());
        }
        return find(c.threadId(), c.namespace(), c.checkpointId()).orElseThrow();
    }

    private boolean runStored(NewCheckpoint c) {
        return !sql.fetch(DSL.selectOne()
                        .from(AGENT_RUNS)
                        .where(AGENT_RUNS.TENANT_ID.eq(sql.tenant()), AGENT_RUNS.ID.eq(c.runId())))
                .isEmpty();
    }

    @Override
    public Optional<Checkpoint> find(String threadId, String namespace, String checkpointId) {
        return one(DSL.and(of(threadId, namespace), CHECKPOINTS.CHECKPOINT_ID.eq(checkpointId)));
    }

    @Override
    public Optional<Checkpoint> latest(String threadId, String namespace) {
        return one(of(threadId, namespace));
    }

    @Override
    public Page<Checkpoint> history(String threadId, String namespace, PageRequest page) {
        Condition before =
                page.cursor() == null ? DSL.trueCondition() : CHECKPOINTS.SERIAL.lt(Cursors.decodeLong(page.cursor()));
        List<Record> rows = sql.fetch(DSL.select(ROW)
                .from(CHECKPOINTS)
                .where(of(threadId, namespace), before)
                .orderBy(CHECKPOINTS.SERIAL.desc())
                .limit(DSL.inline(page.limit() + 1)));
        Page<Record> paged = Pages.of(rows, page.limit(), r -> Long.toString(r.get(CHECKPOINTS.SERIAL)));
        return new Page<>(
                paged.items().stream().map(PostgresCheckpoints::checkpoint).toList(), paged.nextCursor());
    }

    @Override
    public void putWrites(String threadId, String namespace, String checkpointId, List<PendingWrite> writes) {
        sql.transaction((connection, dsl) -> {
            if (!exists(dsl, threadId, namespace, checkpointId)) {
                throw new NotFoundException("no checkpoint " + checkpointId + " in thread " + threadId);
            }
            return insertWrites(dsl, threadId, namespace, checkpointId, writes);
        });
    }

    @Override
    public List<PendingWrite> pendingWrites(String threadId, String namespace, String checkpointId) {
        return sql.fetch(DSL.select(
                                CHECKPOINT_WRITES.TASK_ID,
                                CHECKPOINT_WRITES.INDEX,
                                CHECKPOINT_WRITES.CHANNEL,
                                CHECKPOINT_WRITES.VALUE)
                        .from(CHECKPOINT_WRITES)
                        .where(
                                CHECKPOINT_WRITES.TENANT_ID.eq(sql.tenant()),
                                CHECKPOINT_WRITES.THREAD_ID.eq(threadId),
                                CHECKPOINT_WRITES.NAMESPACE.eq(namespace),
                                CHECKPOINT_WRITES.CHECKPOINT_ID.eq(checkpointId))
                        .orderBy(CHECKPOINT_WRITES.TASK_ID, CHECKPOINT_WRITES.INDEX))
                .map(r -> new PendingWrite(
                        r.get(CHECKPOINT_WRITES.TASK_ID),
                        r.get(CHECKPOINT_WRITES.INDEX),
                        r.get(CHECKPOINT_WRITES.CHANNEL),
                        Json.value(r.get(CHECKPOINT_WRITES.VALUE).data())));
    }

    @Override
    public Checkpoint fork(String threadId, String namespace, String checkpointId, String newThreadId) {
        Checkpoint source = find(threadId, namespace, checkpointId)
                .orElseThrow(() -> new NotFoundException("no checkpoint " + checkpointId + " in thread " + threadId));
        List<PendingWrite> writes = pendingWrites(threadId, namespace, checkpointId);
        Map<String, Object> metadata = new LinkedHashMap<>(source.metadata());
        metadata.put("forked_from_thread", threadId);
        metadata.put("forked_from_checkpoint", checkpointId);
        return sql.transaction((connection, dsl) -> {
            if (dsl.fetchExists(CHECKPOINTS, of(newThreadId, namespace))) {
                throw new ConflictException(
                        "thread " + newThreadId + " already has checkpoints in namespace '" + namespace + "'");
            }
            Checkpoint forked = checkpoint(dsl.insertInto(CHECKPOINTS)
                    .set(CHECKPOINTS.TENANT_ID, sql.tenant())
                    .set(CHECKPOINTS.THREAD_ID, newThreadId)
                    .set(CHECKPOINTS.NAMESPACE, namespace)
                    .set(CHECKPOINTS.CHECKPOINT_ID, checkpointId)
                    .set(CHECKPOINTS.RUN_ID, source.runId())
                    .set(CHECKPOINTS.STATE, Json.of(source.state()))
                    .set(CHECKPOINTS.METADATA, Json.of(metadata))
                    .set(CHECKPOINTS.CREATED_AT, Timestamps.now(clock))
                    .returning(ROW)
                    .fetchOne());
            insertWrites(dsl, newThreadId, namespace, checkpointId, writes);
            return forked;
        });
    }

    @Override
    public long deleteThread(String threadId) {
        return sql.transaction((connection, dsl) -> (long) dsl.deleteFrom(CHECKPOINTS)
                .where(CHECKPOINTS.TENANT_ID.eq(sql.tenant()), CHECKPOINTS.THREAD_ID.eq(threadId))
                .execute());
    }

    @Override
    public long deleteOlderThan(Instant cutoff) {
        return sql.transaction((connection, dsl) -> (long) dsl.deleteFrom(CHECKPOINTS)
                .where(CHECKPOINTS.TENANT_ID.eq(sql.tenant()), CHECKPOINTS.CREATED_AT.lt(cutoff))
                .execute());
    }

    private int insertWrites(
            DSLContext dsl, String threadId, String namespace, String checkpointId, List<PendingWrite> writes) {
        if (writes.isEmpty()) {
            return 0;
        }
        InsertValuesStep8<?, String, String, String, String, String, Integer, String, org.jooq.JSONB> insert =
                dsl.insertInto(
                        CHECKPOINT_WRITES,
                        CHECKPOINT_WRITES.TENANT_ID,
                        CHECKPOINT_WRITES.THREAD_ID,
                        CHECKPOINT_WRITES.NAMESPACE,
                        CHECKPOINT_WRITES.CHECKPOINT_ID,
                        CHECKPOINT_WRITES.TASK_ID,
                        CHECKPOINT_WRITES.INDEX,
                        CHECKPOINT_WRITES.CHANNEL,
                        CHECKPOINT_WRITES.VALUE);
        for (PendingWrite w : writes) {
            insert = insert.values(
                    sql.tenant(),
                    threadId,
                    namespace,
                    checkpointId,
                    w.taskId(),
                    w.index(),
                    w.channel(),
                    Json.of(w.value()));
        }
        return insert.onConflictDoNothing().execute();
    }

    private boolean exists(DSLContext dsl, String threadId, String namespace, String checkpointId) {
        return dsl.fetchExists(
                CHECKPOINTS, DSL.and(of(threadId, namespace), CHECKPOINTS.CHECKPOINT_ID.eq(checkpointId)));
    }

    private Optional<Checkpoint> one(Condition which) {
        return sql
                .fetch(DSL.select(ROW)
                        .from(CHECKPOINTS)
                        .where(which)
                        .orderBy(CHECKPOINTS.SERIAL.desc())
                        .limit(1))
                .stream()
                .findFirst()
                .map(PostgresCheckpoints::checkpoint);
    }

    private Condition of(String threadId, String namespace) {
        return DSL.and(
                CHECKPOINTS.TENANT_ID.eq(sql.tenant()),
                CHECKPOINTS.THREAD_ID.eq(threadId),
                CHECKPOINTS.NAMESPACE.eq(namespace));
    }

    private static Checkpoint checkpoint(Record r) {
        return new Checkpoint(
                r.get(CHECKPOINTS.THREAD_ID),
                r.get(CHECKPOINTS.NAMESPACE),
                r.get(CHECKPOINTS.CHECKPOINT_ID),
                r.get(CHECKPOINTS.PARENT_ID),
                Json.map(r.get(CHECKPOINTS.STATE)),
                Json.map(r.get(CHECKPOINTS.METADATA)),
                r.get(CHECKPOINTS.RUN_ID),
                r.get(CHECKPOINTS.CREATED_AT));
    }
}

package dev.agentstore.postgres.internal.checkpoint;

import static dev.agentstore.postgres.internal.jooq.Tables.CHECKPOINT_WRITES;

import dev.agentstore.checkpoint.PendingWrite;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.TenantSql;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep8;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/** The pending writes of checkpoints in {@code checkpoint_writes}: one per task and index, the first one kept. */
final class PendingWriteRows {
    private PendingWriteRows() {}

    /** Inserts the writes not stored yet, inside the caller's tenant transaction; how many were new. */
    static int insert(
            DSLContext dsl,
            String tenant,
            String threadId,
            String namespace,
            String checkpointId,
            List<PendingWrite> writes) {
        if (writes.isEmpty()) {
            return 0;
        }
        InsertValuesStep8<?, String, String, String, String, String, Integer, String, JSONB> insert = dsl.insertInto(
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
                    tenant, threadId, namespace, checkpointId, w.taskId(), w.index(), w.channel(), Json.of(w.value()));
        }
        return insert.onConflictDoNothing().execute();
    }

    /** The writes after a checkpoint, by task, then index. */
    static List<PendingWrite> read(TenantSql sql, String threadId, String namespace, String checkpointId) {
        return sql.reads()
                .fetch(DSL.select(
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
}

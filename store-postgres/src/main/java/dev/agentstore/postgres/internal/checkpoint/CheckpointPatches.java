package dev.agentstore.postgres.internal.checkpoint;

import static dev.agentstore.postgres.internal.jooq.Tables.CHECKPOINTS;

import dev.agentstore.postgres.internal.jooq.tables.Checkpoints;
import dev.agentstore.postgres.spi.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Checkpoints stored as patches against their parent: reading them whole (one recursive query from any number of
 * checkpoints of a thread back to their nearest ancestors stored whole), and rewriting whole those a deletion would
 * leave without their base. Runs inside the caller's tenant transaction.
 */
final class CheckpointPatches {
    /** A checkpoint's state and its patched ancestors' back to a whole one, the whole one first. */
    private static final String CHAIN =
            "with recursive chain (start_id, checkpoint_id, parent_id, state, delta, level) as ("
                    + " select checkpoint_id, checkpoint_id, parent_id, state, delta, 0 from {0}"
                    + " where tenant_id = {1} and thread_id = {2} and namespace = {3} and checkpoint_id = any({4})"
                    + " union all select chain.start_id, c.checkpoint_id, c.parent_id, c.state, c.delta,"
                    + " chain.level + 1 from {0} c join chain on c.tenant_id = {1} and c.thread_id = {2}"
                    + " and c.namespace = {3} and c.checkpoint_id = chain.parent_id where chain.delta)"
                    + " select start_id, state::text, delta from chain order by start_id, level desc";

    private CheckpointPatches() {}

    /**
     * Rewrites with its whole state every checkpoint kept past {@code cutoff} that is a patch against one deleted
     * before it; the whole states are all read before any row changes.
     */
    static void wholeBeforeDeleting(DSLContext dsl, String tenant, Instant cutoff) {
        Checkpoints child = CHECKPOINTS.as("child");
        Checkpoints parent = CHECKPOINTS.as("parent");
        var orphaned = dsl.select(child.THREAD_ID, child.NAMESPACE, child.CHECKPOINT_ID)
                .from(child)
                .join(parent)
                .on(
                        parent.TENANT_ID.eq(child.TENANT_ID),
                        parent.THREAD_ID.eq(child.THREAD_ID),
                        parent.NAMESPACE.eq(child.NAMESPACE),
                        parent.CHECKPOINT_ID.eq(child.PARENT_ID))
                .where(
                        child.TENANT_ID.eq(tenant),
                        child.DELTA.isTrue(),
                        child.CREATED_AT.ge(cutoff),
                        parent.CREATED_AT.lt(cutoff))
                .fetch();
        Map<Record, Map<String, Object>> wholes = new LinkedHashMap<>();
        for (Record row : orphaned) {
            wholes.put(
                    row,
                    whole(dsl, tenant, row.get(0, String.class), row.get(1, String.class), row.get(2, String.class)));
        }
        wholes.forEach((row, whole) -> dsl.update(CHECKPOINTS)
                .set(CHECKPOINTS.STATE, Json.of(whole))
                .set(CHECKPOINTS.DELTA, false)
                .set(CHECKPOINTS.DEPTH, 0)
                .where(
                        CHECKPOINTS.TENANT_ID.eq(tenant),
                        CHECKPOINTS.THREAD_ID.eq(row.get(0, String.class)),
                        CHECKPOINTS.NAMESPACE.eq(row.get(1, String.class)),
                        CHECKPOINTS.CHECKPOINT_ID.eq(row.get(2, String.class)))
                .execute());
    }

    /** A checkpoint's whole state: its patches applied, oldest first, to the nearest ancestor stored whole. */
    static Map<String, Object> whole(
            DSLContext dsl, String tenant, String threadId, String namespace, String checkpointId) {
        return wholes(dsl, tenant, threadId, namespace, List.of(checkpointId)).get(checkpointId);
    }

    /** The whole states of several checkpoints of one thread and namespace, with one recursive query. */
    static Map<String, Map<String, Object>> wholes(
            DSLContext dsl, String tenant, String threadId, String namespace, List<String> checkpointIds) {
        Map<String, Map<String, Object>> states = new LinkedHashMap<>();
        for (Record link : dsl.resultQuery(
                CHAIN,
                CHECKPOINTS,
                DSL.val(tenant),
                DSL.val(threadId),
                DSL.val(namespace),
                DSL.val(checkpointIds.toArray(String[]::new)))) {
            String start = link.get(0, String.class);
            Map<String, Object> value = new LinkedHashMap<>(Json.map(link.get(1, String.class)));
            Map<String, Object> state = states.get(start);
            if (state == null) {
                if (link.get(2, Boolean.class)) {
                    throw new IllegalStateException(
                            "checkpoint " + start + " of thread " + threadId + " is a patch whose base is missing");
                }
                states.put(start, value);
            } else {
                states.put(start, StateDelta.apply(state, value));
            }
        }
        return states;
    }
}

package dev.agentstore.postgres.internal.checkpoint;

import static dev.agentstore.postgres.internal.jooq.Tables.CHECKPOINTS;

import dev.agentstore.checkpoint.NewCheckpoint;
import dev.agentstore.postgres.internal.jooq.tables.Checkpoints;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.SqlTemplate;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The checkpoint write, rendered once per store from the generated tables and run with plain JDBC in the same round
 * trip as the tenant's setting: an insert that skips a checkpoint stored before (its parent checked by the foreign
 * key) and returns when it was stored.
 */
public final class CheckpointStatements {
    /** The write of a whole state; binds {@link #values}; returns created_at and serial. */
    final SqlTemplate put;

    /**
     * The write of a patch against the parent, only if the parent row still has {@code parent_serial}; binds
     * {@link #values} and {@code parent_serial}; returns created_at and serial.
     */
    final SqlTemplate putDelta;

    private CheckpointStatements(SqlTemplate put, SqlTemplate putDelta) {
        this.put = put;
        this.putDelta = putDelta;
    }

    /** Renders the statements for {@code dsl}'s dialect and schema. */
    public static CheckpointStatements render(DSLContext dsl) {
        return new CheckpointStatements(SqlTemplate.of(dsl, put()), SqlTemplate.of(dsl, putDelta()));
    }

    private static final List<Field<?>> COLUMNS = List.of(
            CHECKPOINTS.TENANT_ID,
            CHECKPOINTS.THREAD_ID,
            CHECKPOINTS.NAMESPACE,
            CHECKPOINTS.CHECKPOINT_ID,
            CHECKPOINTS.PARENT_ID,
            CHECKPOINTS.RUN_ID,
            CHECKPOINTS.STATE,
            CHECKPOINTS.DELTA,
            CHECKPOINTS.DEPTH,
            CHECKPOINTS.METADATA,
            CHECKPOINTS.CREATED_AT);

    private static final Field<String> TENANT = DSL.param("tenant", String.class);
    private static final Field<String> THREAD = DSL.param("thread", String.class);
    private static final Field<String> NAMESPACE = DSL.param("namespace", String.class);
    private static final Field<String> PARENT = DSL.param("parent", SQLDataType.VARCHAR);

    /** The bound values, in {@link #COLUMNS}' order. */
    private static List<Field<?>> parameters() {
        return List.of(
                TENANT,
                THREAD,
                NAMESPACE,
                DSL.param("checkpoint", String.class),
                PARENT,
                // as text: a typed null binds without a round trip, which uuid's does not
                DSL.param("run", SQLDataType.VARCHAR).cast(SQLDataType.UUID),
                DSL.param("state", SQLDataType.JSONB),
                DSL.param("delta", Boolean.class),
                DSL.param("depth", Integer.class),
                DSL.param("metadata", SQLDataType.JSONB),
                DSL.param("created_at", Instant.class));
    }

    private static Query put() {
        return DSL.insertInto(CHECKPOINTS, COLUMNS)
                .values(parameters())
                .onConflictDoNothing()
                .returning(CHECKPOINTS.CREATED_AT, CHECKPOINTS.SERIAL);
    }

    private static Query putDelta() {
        Checkpoints parent = CHECKPOINTS.as("parent");
        return DSL.insertInto(CHECKPOINTS, COLUMNS)
                .select(DSL.select(parameters())
                        .whereExists(DSL.selectOne()
                                .from(parent)
                                .where(
                                        parent.TENANT_ID.eq(TENANT),
                                        parent.THREAD_ID.eq(THREAD),
                                        parent.NAMESPACE.eq(NAMESPACE),
                                        parent.CHECKPOINT_ID.eq(PARENT),
                                        parent.SERIAL.eq(DSL.param("parent_serial", Long.class)))))
                .onConflictDoNothing()
                .returning(CHECKPOINTS.CREATED_AT, CHECKPOINTS.SERIAL);
    }

    /**
     * The parameters of {@link #put} for {@code c} in {@code tenant}, stored at {@code now}: its state whole, or the
     * given patch at {@code depth}.
     */
    static Map<String, Object> values(String tenant, NewCheckpoint c, Instant now, JSONB state, int depth) {
        Map<String, Object> values = HashMap.newHashMap(12);
        values.put("tenant", tenant);
        values.put("thread", c.threadId());
        values.put("namespace", c.namespace());
        values.put("checkpoint", c.checkpointId());
        values.put("parent", c.parentId());
        values.put("run", c.runId() == null ? null : c.runId().toString());
        values.put("state", state);
        values.put("delta", depth > 0);
        values.put("depth", depth);
        values.put("metadata", Json.of(c.metadata()));
        values.put("created_at", now);
        return values;
    }
}

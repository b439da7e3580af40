package dev.agentstore.postgres.internal.checkpoint;

import static dev.agentstore.postgres.internal.jooq.Tables.CHECKPOINTS;

import dev.agentstore.checkpoint.NewCheckpoint;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.SqlTemplate;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The checkpoint write, rendered once per store from the generated tables and run with plain JDBC in the same round
 * trip as the tenant's setting: an insert that skips a checkpoint stored before (its parent checked by the foreign
 * key) and returns when it was stored.
 */
public final class CheckpointStatements {
    /** The write; binds {@link #values}. */
    final SqlTemplate put;

    private CheckpointStatements(SqlTemplate put) {
        this.put = put;
    }

    /** Renders the statement for {@code dsl}'s dialect and schema. */
    public static CheckpointStatements render(DSLContext dsl) {
        return new CheckpointStatements(SqlTemplate.of(dsl, put()));
    }

    private static Query put() {
        return DSL.insertInto(CHECKPOINTS)
                .set(CHECKPOINTS.TENANT_ID, DSL.param("tenant", String.class))
                .set(CHECKPOINTS.THREAD_ID, DSL.param("thread", String.class))
                .set(CHECKPOINTS.NAMESPACE, DSL.param("namespace", String.class))
                .set(CHECKPOINTS.CHECKPOINT_ID, DSL.param("checkpoint", String.class))
                .set(CHECKPOINTS.PARENT_ID, DSL.param("parent", SQLDataType.VARCHAR))
                // as text: a typed null binds without a round trip, which uuid's does not
                .set(CHECKPOINTS.RUN_ID, DSL.param("run", SQLDataType.VARCHAR).cast(SQLDataType.UUID))
                .set(CHECKPOINTS.STATE, DSL.param("state", SQLDataType.JSONB))
                .set(CHECKPOINTS.METADATA, DSL.param("metadata", SQLDataType.JSONB))
                .set(CHECKPOINTS.CREATED_AT, DSL.param("created_at", Instant.class))
                .onConflictDoNothing()
                .returning(CHECKPOINTS.CREATED_AT);
    }

    /** The parameters of {@link #put} for {@code c} in {@code tenant}, stored at {@code now}. */
    static Map<String, Object> values(String tenant, NewCheckpoint c, Instant now) {
        Map<String, Object> values = HashMap.newHashMap(9);
        values.put("tenant", tenant);
        values.put("thread", c.threadId());
        values.put("namespace", c.namespace());
        values.put("checkpoint", c.checkpointId());
        values.put("parent", c.parentId());
        values.put("run", c.runId() == null ? null : c.runId().toString());
        values.put("state", Json.of(c.state()));
        values.put("metadata", Json.of(c.metadata()));
        values.put("created_at", now);
        return values;
    }
}

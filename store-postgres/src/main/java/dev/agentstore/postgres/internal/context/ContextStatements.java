package dev.agentstore.postgres.internal.context;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATION_SUMMARIES;
import static dev.agentstore.postgres.internal.jooq.Tables.MEMORY_BLOCKS;
import static dev.agentstore.postgres.internal.jooq.Tables.MEMORY_BLOCK_AGENTS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;

import dev.agentstore.postgres.internal.recall.RecallSql;
import dev.agentstore.postgres.spi.SqlTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The statements of a context assembly, rendered once per store (the recall statement once per query-vector dimension
 * and text presence), each binding {@code tenant} and {@code conversation}: the conversation's user and agent, its
 * pinned blocks, the latest summary of its current branch, and recall over its user's other turns.
 */
public final class ContextStatements {
    static final Param<String> TENANT = DSL.param("tenant", String.class);
    static final Param<UUID> CONVERSATION = DSL.param("conversation", UUID.class);
    private static final Param<Long> BUDGET = DSL.param("budget", Long.class);

    /**
     * The conversation (its user and agent) and the latest summary of its current branch (null columns for none) on
     * every row, and one pinned block a row ({@link PinnedBlocks#COLUMNS}, in their order; one row of null block
     * columns for none); no row for a missing conversation.
     */
    final SqlTemplate header;

    private final DSLContext dsl;
    private final Map<RecallShape, SqlTemplate> recalls = new ConcurrentHashMap<>();

    /** Which recall statement: the query vector's dimension (0 for none) and whether there is a text. */
    private record RecallShape(int dimension, boolean text) {}

    private ContextStatements(DSLContext dsl) {
        this.dsl = dsl;
        this.header = SqlTemplate.of(dsl, header());
    }

    /** Renders the statements for {@code dsl}'s dialect and schema. */
    public static ContextStatements render(DSLContext dsl) {
        return new ContextStatements(dsl);
    }

    /**
     * The recall over the conversation's user's turns outside what the budget could hold of the conversation; binds
     * {@code budget} and, as present, {@code terms} and {@code vector}, and the query's knobs.
     */
    SqlTemplate recall(int dimension, boolean text) {
        return recalls.computeIfAbsent(new RecallShape(dimension, text), shape -> SqlTemplate.of(dsl, recall(shape)));
    }

    private static Field<UUID> ofConversation(Field<UUID> column) {
        return DSL.field(DSL.select(column)
                .from(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(TENANT), CONVERSATIONS.ID.eq(CONVERSATION)));
    }

    /**
     * The conversation with its latest summary (a materialized CTE: one row, computed once), then its pinned blocks
     * beside it, one a row, agent's, shared, user's, each by label.
     */
    private static Query header() {
        var c = CONVERSATIONS.as("c");
        var summary = DSL.select(CONVERSATION_SUMMARIES.fields())
                .from(CONVERSATION_SUMMARIES)
                .where(
                        CONVERSATION_SUMMARIES.TENANT_ID.eq(c.TENANT_ID),
                        CONVERSATION_SUMMARIES.CONVERSATION_ID.eq(c.ID),
                        CONVERSATION_SUMMARIES.BRANCH.eq(c.CURRENT_BRANCH))
                .orderBy(CONVERSATION_SUMMARIES.NUMBER.desc())
                .limit(DSL.inline(1))
                .asTable("s");
        List<Field<?>> headFields = new ArrayList<>(List.of(c.USER_ID, c.AGENT_ID));
        for (Field<?> column : CONVERSATION_SUMMARIES.fields()) {
            headFields.add(summary.field(column).as("s_" + column.getName()));
        }
        var head = DSL.name("head")
                .asMaterialized(DSL.select(headFields)
                        .from(c)
                        .leftJoin(DSL.lateral(summary))
                        .on(DSL.trueCondition())
                        .where(c.TENANT_ID.eq(TENANT), c.ID.eq(CONVERSATION)));
        Field<UUID> agent = head.field(c.AGENT_ID);
        Field<UUID> user = head.field(c.USER_ID);
        Field<Integer> part = DSL.when(MEMORY_BLOCKS.OWNER_KIND.eq(DSL.inline("AGENT")), DSL.inline(0))
                .when(MEMORY_BLOCKS.OWNER_KIND.eq(DSL.inline("SHARED")), DSL.inline(1))
                .otherwise(DSL.inline(2));
        List<Field<?>> blockFields = new ArrayList<>(PinnedBlocks.COLUMNS);
        blockFields.add(part.as("part"));
        var blocks = DSL.select(blockFields)
                .from(MEMORY_BLOCKS)
                .where(
                        MEMORY_BLOCKS.TENANT_ID.eq(TENANT),
                        MEMORY_BLOCKS.PINNED.isTrue(),
                        MEMORY_BLOCKS
                                .AGENT_ID
                                .eq(agent)
                                .or(MEMORY_BLOCKS.USER_ID.eq(user))
                                .or(MEMORY_BLOCKS
                                        .OWNER_KIND
                                        .eq(DSL.inline("SHARED"))
                                        .and(DSL.exists(DSL.selectOne()
                                                .from(MEMORY_BLOCK_AGENTS)
                                                .where(
                                                        MEMORY_BLOCK_AGENTS.TENANT_ID.eq(TENANT),
                                                        MEMORY_BLOCK_AGENTS.BLOCK_ID.eq(MEMORY_BLOCKS.ID),
                                                        MEMORY_BLOCK_AGENTS.AGENT_ID.eq(agent))))))
                .asTable("b");
        List<Field<?>> fields = new ArrayList<>(List.of(user, agent));
        for (Field<?> column : CONVERSATION_SUMMARIES.fields()) {
            fields.add(head.field("s_" + column.getName()));
        }
        for (Field<?> column : PinnedBlocks.COLUMNS) {
            fields.add(blocks.field(column));
        }
        return DSL.with(head)
                .select(fields)
                .from(head)
                .leftJoin(DSL.lateral(blocks))
                .on(DSL.trueCondition())
                .orderBy(blocks.field("part"), blocks.field(MEMORY_BLOCKS.LABEL));
    }

    /**
     * The first sequence recall leaves out ({@link dev.agentstore.spi.ContextAssemblyPolicy#recallExclusionStart}):
     * the oldest live message whose newer messages' tokens fit the budget.
     */
    private static Field<Long> exclusionStart() {
        var newestFirst = DSL.orderBy(MESSAGES.SEQUENCE.desc()).rowsUnboundedPreceding();
        Field<Long> newer = DSL.sum(MESSAGES.TOKEN_COUNT)
                .over(newestFirst)
                .minus(MESSAGES.TOKEN_COUNT)
                .coerce(Long.class)
                .as("newer");
        var window = DSL.select(MESSAGES.SEQUENCE, newer)
                .from(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(TENANT), MESSAGES.CONVERSATION_ID.eq(CONVERSATION), MESSAGES.LIVE.isTrue())
                .asTable("w");
        return DSL.field(DSL.select(DSL.coalesce(DSL.min(window.field(MESSAGES.SEQUENCE)), DSL.inline(Long.MAX_VALUE)))
                .from(window)
                .where(window.field("newer", Long.class).le(BUDGET)));
    }

    private static Query recall(RecallShape shape) {
        return RecallSql.query(new RecallSql.Inputs(
                TENANT,
                ofConversation(CONVERSATIONS.USER_ID),
                CONVERSATION,
                exclusionStart(),
                shape.text() ? DSL.param("terms", String[].class) : null,
                shape.dimension() > 0 ? DSL.param("vector", String.class) : null,
                shape.dimension(),
                DSL.param("candidates", Integer.class),
                DSL.param("limit", Integer.class),
                DSL.param("neighbours", Integer.class),
                List.of(
                        DSL.param("w_vector", SQLDataType.DOUBLE),
                        DSL.param("w_text", SQLDataType.DOUBLE),
                        DSL.param("w_recency", SQLDataType.DOUBLE)),
                DSL.param("k", Integer.class),
                DSL.trueCondition()));
    }
}

package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;

import dev.agentstore.postgres.spi.SqlTemplate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The conversation hot paths (append one message, the last N, the token window), rendered once per backend
 * from the generated tables and run with plain JDBC. Every variable part is a named parameter.
 */
public final class ConversationStatements {
    static final Param<String> TENANT = DSL.param("tenant", String.class);
    static final Param<UUID> CONVERSATION = DSL.param("conversation", UUID.class);
    private static final Param<Instant> CREATED_AT = DSL.param("created_at", Instant.class);

    final SqlTemplate appendOne;
    final SqlTemplate last;
    final SqlTemplate window;

    private ConversationStatements(SqlTemplate appendOne, SqlTemplate last, SqlTemplate window) {
        this.appendOne = appendOne;
        this.last = last;
        this.window = window;
    }

    /**
     * The window candidates ({@link MessageReader#IN_CONVERSATION}, whether the row is the first system message, the
     * sequence of the message before it) of the current branch; binds {@code tenant}, {@code conversation} and
     * {@code budget}.
     */
    public SqlTemplate windowCandidates() {
        return window;
    }

    /** Renders the statements for {@code dsl}'s dialect and schema. */
    public static ConversationStatements render(DSLContext dsl) {
        return new ConversationStatements(
                SqlTemplate.of(dsl, appendOne()), SqlTemplate.of(dsl, last()), SqlTemplate.of(dsl, window()));
    }

    /** The messages of the conversation's current branch, without tombstones. */
    private static Condition inConversation() {
        return MESSAGES.TENANT_ID
                .eq(TENANT)
                .and(MESSAGES.CONVERSATION_ID.eq(CONVERSATION))
                .and(MESSAGES.LIVE);
    }

    /** Reserves the next sequence and inserts the message in one statement; returns the sequence. */
    private static org.jooq.Query appendOne() {
        CommonTableExpression<Record2<Long, Integer>> reserved = MessageInsert.reserved(DSL.update(CONVERSATIONS)
                .set(CONVERSATIONS.LAST_SEQUENCE, CONVERSATIONS.LAST_SEQUENCE.plus(DSL.inline(1L)))
                .set(CONVERSATIONS.LAST_ACTIVITY_AT, CREATED_AT)
                .where(
                        CONVERSATIONS.TENANT_ID.eq(TENANT),
                        CONVERSATIONS.ID.eq(CONVERSATION),
                        CONVERSATIONS.STATUS.ne(DSL.inline("DELETED"))));
        return MessageInsert.insert(
                reserved,
                new MessageInsert.Values(
                        TENANT,
                        DSL.param("id", UUID.class),
                        CONVERSATION,
                        MessageInsert.lastSequence(reserved),
                        DSL.param("role", String.class),
                        DSL.param("content", String.class),
                        DSL.param("tool_calls", SQLDataType.JSONB),
                        DSL.param("tool_call_id", SQLDataType.VARCHAR),
                        DSL.param("model_id", SQLDataType.VARCHAR),
                        DSL.param("request_id", SQLDataType.VARCHAR),
                        DSL.param("token_count", Integer.class),
                        DSL.param("metadata", SQLDataType.JSONB),
                        CREATED_AT,
                        // as text: a typed null binds without a round trip, which uuid's does not
                        DSL.param("run_id", SQLDataType.VARCHAR).cast(SQLDataType.UUID),
                        MessageInsert.branch(reserved)),
                null);
    }

    /** The newest {@code count} messages, newest first. */
    private static org.jooq.Query last() {
        return DSL.select(MessageReader.IN_CONVERSATION)
                .from(MESSAGES)
                .where(inConversation())
                .orderBy(MESSAGES.SEQUENCE.desc())
                .limit(DSL.param("count", Integer.class));
    }

    /**
     * The window candidates of the current branch, oldest first: {@link MessageReader#IN_CONVERSATION}, whether the
     * row is the first system message (always a candidate, so the caller learns its sequence without another column)
     * and the sequence of the message before it, if any. A row is a
     * candidate when the tokens of the messages newer than it fit the budget (one running sum from the newest
     * back), or when it is that system message, which one probe of the partial index {@code messages_system}
     * finds. The probe is a materialized CTE, so it runs once, not once per message as the planner would run it
     * inlined into the join.
     */
    private static org.jooq.Query window() {
        CommonTableExpression<Record1<Long>> system = DSL.name("system_message")
                .fields("sequence")
                .asMaterialized(DSL.select(MESSAGES.SEQUENCE)
                        .from(MESSAGES)
                        .where(inConversation(), MESSAGES.ROLE.eq(DSL.inline("SYSTEM")))
                        .orderBy(MESSAGES.SEQUENCE)
                        .limit(DSL.inline(1)));
        Field<Long> systemSequence = system.field("sequence", Long.class);
        Field<Boolean> isSystem = DSL.coalesce(MESSAGES.SEQUENCE.eq(systemSequence), DSL.inline(false));
        Field<Integer> own = DSL.when(isSystem, DSL.inline(0)).otherwise(MESSAGES.TOKEN_COUNT);
        // sum(integer) is a bigint in PostgreSQL; read as Long so the budget compares as bigint, not numeric
        var newestFirst = DSL.orderBy(MESSAGES.SEQUENCE.desc()).rowsUnboundedPreceding();
        Field<Long> newerAndOwn = DSL.sum(own).over(newestFirst).coerce(Long.class);
        // the next older message's sequence, null for the oldest: tells the caller whether the window reaches back
        // to the start (sequences have gaps where tombstones, other branches and retention left them)
        Field<Long> older = DSL.lead(MESSAGES.SEQUENCE).over(newestFirst);
        List<Field<?>> fields = new ArrayList<>(MessageReader.IN_CONVERSATION);
        fields.addAll(List.of(
                isSystem.as("is_system"), own.as("own_tokens"), newerAndOwn.as("newer_and_own"), older.as("older")));
        Table<?> summed = DSL.select(fields)
                .from(MESSAGES)
                .leftJoin(system)
                .on(DSL.trueCondition())
                .where(inConversation())
                .asTable("summed");
        List<Field<?>> returned = new ArrayList<>();
        for (Field<?> column : MessageReader.IN_CONVERSATION) {
            returned.add(summed.field(column.getName()));
        }
        returned.add(summed.field("is_system"));
        returned.add(summed.field("older"));
        return DSL.with(system)
                .select(returned)
                .from(summed)
                .where(summed.field("newer_and_own", Long.class)
                        .minus(summed.field("own_tokens", Integer.class))
                        .le(DSL.param("budget", Long.class))
                        .or(summed.field("is_system", Boolean.class).isTrue()))
                .orderBy(summed.field(MESSAGES.SEQUENCE.getName(), Long.class));
    }
}

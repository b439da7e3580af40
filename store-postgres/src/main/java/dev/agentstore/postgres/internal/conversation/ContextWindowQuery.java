package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;

import dev.agentstore.conversation.ContextWindow;
import dev.agentstore.conversation.Message;
import dev.agentstore.internal.ContextWindowPolicy;
import dev.agentstore.postgres.internal.TenantSql;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The token-budget window with SQL doing the narrowing: a running sum of token counts from the newest message
 * back (a window function) selects the messages whose newer messages fit the budget, plus the first system
 * message; core's {@link ContextWindowPolicy} then applies the exact rule to those rows only.
 */
final class ContextWindowQuery {
    private static final int IS_SYSTEM = MessageReader.COLUMNS.size() + 1;
    private static final int FIRST_OTHER = MessageReader.COLUMNS.size() + 2;

    private final TenantSql sql;

    ContextWindowQuery(TenantSql sql) {
        this.sql = sql;
    }

    /** The window, or empty when the conversation has no messages (it may not exist). */
    Optional<ContextWindow> select(UUID conversationId, int budget) {
        Condition inConversation = MESSAGES.TENANT_ID.eq(sql.tenant()).and(MESSAGES.CONVERSATION_ID.eq(conversationId));
        Table<?> system = DSL.select(DSL.min(MESSAGES.SEQUENCE).as("sequence"))
                .from(MESSAGES)
                .where(inConversation, MESSAGES.ROLE.eq("SYSTEM"))
                .asTable("system_message");
        Field<Long> systemSequence = system.field("sequence", Long.class);
        Field<Boolean> isSystem = DSL.coalesce(MESSAGES.SEQUENCE.eq(systemSequence), DSL.inline(false));
        Field<Integer> own = DSL.when(isSystem, DSL.inline(0)).otherwise(MESSAGES.TOKEN_COUNT);
        Field<BigDecimal> newerAndOwn =
                DSL.sum(own).over(DSL.orderBy(MESSAGES.SEQUENCE.desc()).rowsUnboundedPreceding());
        Field<Long> firstOther = DSL.min(
                        DSL.when(isSystem, DSL.inline((Long) null)).otherwise(MESSAGES.SEQUENCE))
                .over();

        List<Field<?>> fields = new ArrayList<>(MessageReader.COLUMNS);
        fields.addAll(List.of(
                isSystem.as("is_system"),
                firstOther.as("first_other"),
                own.as("own_tokens"),
                newerAndOwn.as("newer_and_own")));
        Table<?> summed = DSL.select(fields)
                .from(MESSAGES)
                .crossJoin(system)
                .where(inConversation)
                .asTable("summed");
        List<Row> rows = sql.query(
                DSL.select(summed.fields())
                        .from(summed)
                        .where(summed.field("newer_and_own", BigDecimal.class)
                                .minus(summed.field("own_tokens", Integer.class))
                                .le(BigDecimal.valueOf(budget))
                                .or(summed.field("is_system", Boolean.class).isTrue()))
                        .orderBy(summed.field(MESSAGES.SEQUENCE.getName(), Long.class)),
                ContextWindowQuery::row);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Message systemMessage = null;
        List<Message> newest = new ArrayList<>();
        for (Row row : rows) {
            if (row.system()) {
                systemMessage = row.message();
            } else {
                newest.add(row.message());
            }
        }
        Long first = rows.get(0).firstOther();
        boolean whole = newest.isEmpty() || first == null || newest.get(0).sequence() == first;
        return Optional.of(ContextWindowPolicy.select(systemMessage, newest, whole, budget));
    }

    private static Row row(ResultSet row) throws SQLException {
        Message message = MessageReader.INSTANCE.read(row);
        boolean system = row.getBoolean(IS_SYSTEM);
        long firstOther = row.getLong(FIRST_OTHER);
        return new Row(message, system, row.wasNull() ? null : firstOther);
    }

    /** A candidate message, whether it is the first system message, and the first other message's sequence. */
    private record Row(Message message, boolean system, Long firstOther) {}
}

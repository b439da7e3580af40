package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;

import dev.agentstore.conversation.ContextWindow;
import dev.agentstore.conversation.Message;
import dev.agentstore.internal.ContextWindowPolicy;
import dev.agentstore.postgres.internal.TenantSql;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The token-budget window with SQL doing the narrowing: a running sum of token counts from the newest message
 * back (a window function) selects the messages whose newer messages fit the budget, plus the first system
 * message; core's {@link ContextWindowPolicy} then applies the exact rule to those rows only.
 */
final class ContextWindowQuery {
    private final TenantSql sql;

    ContextWindowQuery(TenantSql sql) {
        this.sql = sql;
    }

    /** The window, or empty when the conversation has no messages (it may not exist). */
    Optional<ContextWindow> select(UUID conversationId, int budget) {
        Condition inConversation = MESSAGES.TENANT_ID.eq(sql.tenant()).and(MESSAGES.CONVERSATION_ID.eq(conversationId));
        Field<Long> systemSequence = DSL.field(DSL.select(DSL.min(MESSAGES.SEQUENCE))
                .from(MESSAGES)
                .where(inConversation, MESSAGES.ROLE.eq("SYSTEM")));
        Field<Boolean> isSystem = DSL.coalesce(MESSAGES.SEQUENCE.eq(systemSequence), DSL.inline(false))
                .as("is_system");
        Field<Integer> own =
                DSL.when(MESSAGES.SEQUENCE.eq(systemSequence), DSL.inline(0)).otherwise(MESSAGES.TOKEN_COUNT);
        Field<BigDecimal> newerAndOwn = DSL.sum(own)
                .over(DSL.orderBy(MESSAGES.SEQUENCE.desc()).rowsUnboundedPreceding())
                .as("newer_and_own");
        Field<Long> firstOther = DSL.min(DSL.when(MESSAGES.SEQUENCE.eq(systemSequence), DSL.inline((Long) null))
                        .otherwise(MESSAGES.SEQUENCE))
                .over()
                .as("first_other");
        List<Field<?>> fields = new ArrayList<>(List.of(MESSAGES.fields()));
        fields.addAll(List.of(isSystem, own.as("own_tokens"), newerAndOwn, firstOther));
        Table<?> summed =
                DSL.select(fields).from(MESSAGES).where(inConversation).asTable("summed");

        Field<BigDecimal> running = summed.field("newer_and_own", BigDecimal.class);
        Field<Integer> ownTokens = summed.field("own_tokens", Integer.class);
        Result<org.jooq.Record> rows = sql.fetch(DSL.select(summed.fields())
                .from(summed)
                .where(running.minus(ownTokens)
                        .le(BigDecimal.valueOf(budget))
                        .or(summed.field("is_system", Boolean.class).isTrue()))
                .orderBy(summed.field(MESSAGES.SEQUENCE.getName(), Long.class)));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Message system = null;
        List<Message> newest = new ArrayList<>();
        Long first = null;
        for (Record row : rows) {
            Message message = ConversationRows.message(row);
            if (Boolean.TRUE.equals(row.get("is_system", Boolean.class))) {
                system = message;
            } else {
                newest.add(message);
            }
            first = row.get("first_other", Long.class);
        }
        boolean whole = newest.isEmpty() || first == null || newest.get(0).sequence() == first;
        return Optional.of(ContextWindowPolicy.select(system, newest, whole, budget));
    }
}

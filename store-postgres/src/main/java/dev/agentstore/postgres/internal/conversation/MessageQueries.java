package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageSearchHit;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.internal.Cursors;
import dev.agentstore.internal.Pages;
import dev.agentstore.internal.TextMatch;
import dev.agentstore.postgres.internal.Json;
import dev.agentstore.postgres.internal.TenantSql;
import dev.agentstore.spi.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record1;
import org.jooq.Row10;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Messages: atomic appends in one statement, keyset history, the last N, and full-text search. */
final class MessageQueries {
    private final TenantSql sql;
    private final Clock clock;

    MessageQueries(TenantSql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * Appends the batch in one statement: a CTE moves the conversation's last sequence forward by the batch
     * size (the row lock orders concurrent appends) and the insert numbers the messages from the old value. Only
     * the ids and sequences come back; the messages are built from what was sent. Returns an empty list when the
     * conversation is missing or deleted; the caller tells which.
     */
    List<Message> append(UUID conversationId, List<NewMessage> batch) {
        int n = batch.size();
        CommonTableExpression<Record1<Long>> reserved = DSL.name("reserved")
                .fields("last_sequence")
                .as(DSL.update(CONVERSATIONS)
                        .set(CONVERSATIONS.LAST_SEQUENCE, CONVERSATIONS.LAST_SEQUENCE.plus(n))
                        .where(
                                CONVERSATIONS.TENANT_ID.eq(sql.tenant()),
                                CONVERSATIONS.ID.eq(conversationId),
                                CONVERSATIONS.STATUS.ne("DELETED"))
                        .returningResult(CONVERSATIONS.LAST_SEQUENCE));
        Field<Long> last = reserved.field("last_sequence", Long.class);
        Instant now = Timestamps.now(clock);
        List<UUID> ids = batch.stream().map(m -> Ids.newId(clock)).toList();
        Select<?> source = n == 1
                ? DSL.select(values(conversationId, ids.get(0), batch.get(0), last, now))
                        .from(reserved)
                : batchSource(conversationId, ids, batch, reserved, now);
        List<Long> sequences = sql.query(
                DSL.with(reserved).insertInto(MESSAGES, INSERTED).select(source).returningResult(MESSAGES.SEQUENCE),
                row -> row.getLong(1));
        if (sequences.isEmpty()) {
            return List.of();
        }
        long first = sequences.stream().mapToLong(Long::longValue).min().orElseThrow();
        List<Message> appended = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            NewMessage m = batch.get(i);
            appended.add(new Message(
                    ids.get(i),
                    conversationId,
                    first + i,
                    m.role(),
                    m.content(),
                    m.toolCalls(),
                    m.toolCallId(),
                    m.modelId(),
                    m.requestId(),
                    m.tokenCount(),
                    m.metadata(),
                    now));
        }
        return appended;
    }

    private static final List<Field<?>> INSERTED = List.of(
            MESSAGES.TENANT_ID,
            MESSAGES.CONVERSATION_ID,
            MESSAGES.SEQUENCE,
            MESSAGES.ID,
            MESSAGES.ROLE,
            MESSAGES.CONTENT,
            MESSAGES.TOOL_CALLS,
            MESSAGES.TOOL_CALL_ID,
            MESSAGES.MODEL_ID,
            MESSAGES.REQUEST_ID,
            MESSAGES.TOKEN_COUNT,
            MESSAGES.METADATA,
            MESSAGES.CREATED_AT);

    /** The values of one message for {@link #INSERTED}, its sequence computed from the reserved last one. */
    private List<Field<?>> values(UUID conversationId, UUID id, NewMessage m, Field<Long> sequence, Instant now) {
        return List.of(
                DSL.val(sql.tenant()),
                DSL.val(conversationId),
                sequence,
                DSL.val(id),
                DSL.val(m.role().name()),
                DSL.val(m.content()),
                DSL.val(ConversationRows.toolCallsJson(m.toolCalls()), SQLDataType.JSONB),
                DSL.val(m.toolCallId(), SQLDataType.VARCHAR),
                DSL.val(m.modelId(), SQLDataType.VARCHAR),
                DSL.val(m.requestId(), SQLDataType.VARCHAR),
                DSL.val(m.tokenCount()),
                DSL.val(Json.of(m.metadata()), SQLDataType.JSONB),
                DSL.val(now));
    }

    /** Many messages: a VALUES list numbered by ordinal, cross-joined with the reserved sequence. */
    private Select<?> batchSource(
            UUID conversationId,
            List<UUID> ids,
            List<NewMessage> batch,
            CommonTableExpression<Record1<Long>> reserved,
            Instant now) {
        Table<?> rows = DSL.values(rows(ids, batch))
                .as(
                        "batch",
                        "ordinal",
                        "id",
                        "role",
                        "content",
                        "tool_calls",
                        "tool_call_id",
                        "model_id",
                        "request_id",
                        "token_count",
                        "metadata");
        Field<Long> last = reserved.field("last_sequence", Long.class);
        return DSL.select(
                        DSL.val(sql.tenant()),
                        DSL.val(conversationId),
                        last.minus(batch.size()).plus(rows.field("ordinal", Long.class)),
                        rows.field("id", UUID.class),
                        rows.field("role", String.class),
                        rows.field("content", String.class),
                        rows.field("tool_calls", SQLDataType.JSONB),
                        rows.field("tool_call_id", String.class),
                        rows.field("model_id", String.class),
                        rows.field("request_id", String.class),
                        rows.field("token_count", Integer.class),
                        rows.field("metadata", SQLDataType.JSONB),
                        DSL.val(now))
                .from(reserved)
                .crossJoin(rows);
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of one generic row type, filled right here
    private Row10<Long, UUID, String, String, JSONB, String, String, String, Integer, JSONB>[] rows(
            List<UUID> ids, List<NewMessage> batch) {
        Row10<Long, UUID, String, String, JSONB, String, String, String, Integer, JSONB>[] rows =
                new Row10[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            NewMessage m = batch.get(i);
            rows[i] = DSL.row(
                    DSL.val(i + 1L),
                    DSL.val(ids.get(i)),
                    DSL.val(m.role().name()),
                    DSL.val(m.content()),
                    DSL.val(ConversationRows.toolCallsJson(m.toolCalls()), SQLDataType.JSONB),
                    DSL.val(m.toolCallId(), SQLDataType.VARCHAR),
                    DSL.val(m.modelId(), SQLDataType.VARCHAR),
                    DSL.val(m.requestId(), SQLDataType.VARCHAR),
                    DSL.val(m.tokenCount()),
                    DSL.val(Json.of(m.metadata()), SQLDataType.JSONB));
        }
        return rows;
    }

    /** One keyset page; the cursor is the sequence of the last message returned. */
    Page<Message> history(UUID conversationId, HistoryOrder order, PageRequest page) {
        Condition condition = inConversation(conversationId);
        boolean oldestFirst = order == HistoryOrder.OLDEST_FIRST;
        if (page.cursor() != null) {
            long after = Cursors.decodeLong(page.cursor());
            condition = condition.and(oldestFirst ? MESSAGES.SEQUENCE.gt(after) : MESSAGES.SEQUENCE.lt(after));
        }
        List<Message> rows = sql.query(
                DSL.select(MessageReader.COLUMNS)
                        .from(MESSAGES)
                        .where(condition)
                        .orderBy(oldestFirst ? MESSAGES.SEQUENCE.asc() : MESSAGES.SEQUENCE.desc())
                        .limit(page.limit() + 1),
                MessageReader.INSTANCE);
        return Pages.of(rows, page.limit(), m -> Long.toString(m.sequence()));
    }

    /** The last {@code count} messages, oldest first. */
    List<Message> last(UUID conversationId, int count) {
        List<Message> newestFirst = sql.query(
                DSL.select(MessageReader.COLUMNS)
                        .from(MESSAGES)
                        .where(inConversation(conversationId))
                        .orderBy(MESSAGES.SEQUENCE.desc())
                        .limit(count),
                MessageReader.INSTANCE);
        return newestFirst.reversed();
    }

    /** The user's messages holding every query word, best first; words are matched as TextMatch splits them. */
    List<MessageSearchHit> search(UUID userId, String query, int limit) {
        List<String> words = TextMatch.words(query);
        if (words.isEmpty()) {
            return List.of();
        }
        Field<String> text = DSL.val(String.join(" ", words));
        Field<Float> rank = DSL.field(
                "ts_rank({0}, plainto_tsquery('simple', {1}))", SQLDataType.REAL, MESSAGES.SEARCH_VECTOR, text);
        Condition matches = DSL.condition("{0} @@ plainto_tsquery('simple', {1})", MESSAGES.SEARCH_VECTOR, text);
        List<Field<?>> fields = new ArrayList<>(MessageReader.COLUMNS);
        fields.add(rank);
        int rankColumn = fields.size();
        return sql.query(
                DSL.select(fields)
                        .from(MESSAGES)
                        .join(CONVERSATIONS)
                        .on(
                                CONVERSATIONS.TENANT_ID.eq(MESSAGES.TENANT_ID),
                                CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID))
                        .where(MESSAGES.TENANT_ID.eq(sql.tenant()), CONVERSATIONS.USER_ID.eq(userId), matches)
                        .orderBy(rank.desc(), MESSAGES.ID.desc())
                        .limit(limit),
                row -> new MessageSearchHit(MessageReader.INSTANCE.read(row), row.getDouble(rankColumn)));
    }

    private Condition inConversation(UUID conversationId) {
        return MESSAGES.TENANT_ID.eq(sql.tenant()).and(MESSAGES.CONVERSATION_ID.eq(conversationId));
    }
}

package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGE_APPEND_KEYS;

import dev.agentstore.conversation.MemoryWindow;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.postgres.spi.Timestamps;
import dev.agentstore.spi.Ids;
import dev.agentstore.spi.StoredMessages;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.Row11;
import org.jooq.Table;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Appending messages: one statement, one round trip, atomic, for one message or a batch. */
final class MessageAppender {
    private final TenantSql sql;
    private final ConversationStatements statements;
    private final Clock clock;
    private final Duration idempotencyKeyTtl;

    MessageAppender(TenantSql sql, ConversationStatements statements, Clock clock, Duration idempotencyKeyTtl) {
        this.sql = sql;
        this.statements = statements;
        this.clock = clock;
        this.idempotencyKeyTtl = idempotencyKeyTtl;
    }

    /**
     * Appends the batch in one statement: a CTE moves the conversation's last sequence forward by the batch
     * size (the row lock orders concurrent appends) and the insert numbers the messages from the old value. Only
     * the ids and sequences come back; the messages are built from what was sent. Returns an empty list when the
     * conversation is missing or deleted; the caller tells which.
     */
    List<Message> append(UUID conversationId, List<NewMessage> batch) {
        Instant now = Timestamps.now(clock);
        List<UUID> ids = newIds(batch.size());
        List<Long> sequences = batch.size() == 1
                ? sql.query(statements.appendOne, one(conversationId, ids.get(0), batch.get(0), now), r -> r.getLong(1))
                : sql.query(appendMany(conversationId, ids, batch, now, null), row -> row.getLong(1));
        if (sequences.isEmpty()) {
            return List.of();
        }
        return stored(conversationId, batch, ids, Collections.min(sequences), now);
    }

    /** Fresh message ids, time-ordered. Plain loops here and below: this is the per-message hot path. */
    private List<UUID> newIds(int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(Ids.newId(clock));
        }
        return ids;
    }

    /** The appended messages, built from what was sent, numbered from {@code first}. */
    private static List<Message> stored(
            UUID conversationId, List<NewMessage> batch, List<UUID> ids, long first, Instant now) {
        List<Message> appended = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            appended.add(StoredMessages.of(batch.get(i), ids.get(i), conversationId, first + i, now));
        }
        return appended;
    }

    /**
     * Appends the batch once per {@code key}, in one transaction: claiming the key first (a concurrent call with
     * the same key waits here for the first to commit or roll back), then the same statement as
     * {@link #append}, then recording where the messages start. A key claimed before returns the messages it
     * appended, unless it is older than the keys' time to live: then it is claimed again and the batch appended anew.
     * Returns an empty list when the conversation takes no messages; the caller tells why.
     */
    List<Message> appendOnce(UUID conversationId, List<NewMessage> batch, String key) {
        Instant now = Timestamps.now(clock);
        List<UUID> ids = newIds(batch.size());
        return sql.transaction((connection, tx) -> {
            Condition byKey = MESSAGE_APPEND_KEYS
                    .TENANT_ID
                    .eq(sql.tenant())
                    .and(MESSAGE_APPEND_KEYS.CONVERSATION_ID.eq(conversationId))
                    .and(MESSAGE_APPEND_KEYS.IDEMPOTENCY_KEY.eq(key));
            int claimed = tx.insertInto(MESSAGE_APPEND_KEYS)
                    .set(MESSAGE_APPEND_KEYS.TENANT_ID, sql.tenant())
                    .set(MESSAGE_APPEND_KEYS.CONVERSATION_ID, conversationId)
                    .set(MESSAGE_APPEND_KEYS.IDEMPOTENCY_KEY, key)
                    .set(MESSAGE_APPEND_KEYS.FIRST_SEQUENCE, 0L)
                    .set(MESSAGE_APPEND_KEYS.MESSAGE_COUNT, batch.size())
                    .set(MESSAGE_APPEND_KEYS.CREATED_AT, now)
                    .onConflict(
                            MESSAGE_APPEND_KEYS.TENANT_ID,
                            MESSAGE_APPEND_KEYS.CONVERSATION_ID,
                            MESSAGE_APPEND_KEYS.IDEMPOTENCY_KEY)
                    .doUpdate() // a key past its time to live is claimed again, and appends anew
                    .set(MESSAGE_APPEND_KEYS.FIRST_SEQUENCE, 0L)
                    .set(MESSAGE_APPEND_KEYS.MESSAGE_COUNT, batch.size())
                    .set(MESSAGE_APPEND_KEYS.CREATED_AT, now)
                    .where(MESSAGE_APPEND_KEYS.CREATED_AT.le(now.minus(idempotencyKeyTtl)))
                    .execute();
            if (claimed == 0) {
                return earlier(tx, conversationId, byKey);
            }
            List<Long> sequences =
                    tx.fetch(appendMany(conversationId, ids, batch, now, null)).getValues(0, Long.class);
            if (sequences.isEmpty()) {
                throw new NotAppended(); // rolls the claimed key back
            }
            long first = Collections.min(sequences);
            tx.update(MESSAGE_APPEND_KEYS)
                    .set(MESSAGE_APPEND_KEYS.FIRST_SEQUENCE, first)
                    .where(byKey)
                    .execute();
            return stored(conversationId, batch, ids, first, now);
        });
    }

    /**
     * Appends the batch and moves the conversation's memory window to {@code window}, in one statement: the same CTE
     * as {@link #append}, which also sets the window where the conversation's row fits it (the window starts at most
     * just after the last message there will be, and pins an existing message). With no messages, only the window
     * moves. Returns null when nothing matched: the conversation is missing or deleted, or the window does not fit;
     * the caller tells which.
     */
    List<Message> appendMoving(UUID conversationId, List<NewMessage> batch, MemoryWindow window) {
        if (batch.isEmpty()) {
            List<Long> moved = sql.query(
                    DSL.update(CONVERSATIONS)
                            .set(CONVERSATIONS.MEMORY_START, window.start())
                            .set(CONVERSATIONS.MEMORY_PINNED, window.pinned())
                            .where(appendable(conversationId))
                            .and(fits(window, 0))
                            .returningResult(CONVERSATIONS.LAST_SEQUENCE),
                    row -> row.getLong(1));
            return moved.isEmpty() ? null : List.of();
        }
        Instant now = Timestamps.now(clock);
        List<UUID> ids = newIds(batch.size());
        List<Long> sequences = sql.query(appendMany(conversationId, ids, batch, now, window), row -> row.getLong(1));
        return sequences.isEmpty() ? null : stored(conversationId, batch, ids, Collections.min(sequences), now);
    }

    /** The conversation's row, if it takes messages. */
    private Condition appendable(UUID conversationId) {
        return CONVERSATIONS
                .TENANT_ID
                .eq(sql.tenant())
                .and(CONVERSATIONS.ID.eq(conversationId))
                .and(CONVERSATIONS.STATUS.ne("DELETED"));
    }

    /** Whether {@code window} fits the conversation's row once {@code appended} messages are added. */
    private static Condition fits(MemoryWindow window, int appended) {
        return DSL.val(window.start())
                .le(CONVERSATIONS.LAST_SEQUENCE.plus(appended + 1))
                .and(DSL.val(window.pinned()).le(CONVERSATIONS.LAST_SEQUENCE));
    }

    /** The conversation takes no messages (missing or deleted); thrown inside a transaction to roll it back. */
    static final class NotAppended extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotAppended() {
            super(null, null, false, false);
        }
    }

    private List<Message> earlier(DSLContext tx, UUID conversationId, Condition byKey) throws SQLException {
        Record2<Long, Integer> claim = tx.select(MESSAGE_APPEND_KEYS.FIRST_SEQUENCE, MESSAGE_APPEND_KEYS.MESSAGE_COUNT)
                .from(MESSAGE_APPEND_KEYS)
                .where(byKey)
                .fetchOne();
        long first = claim.value1();
        return MessageReader.fetch(
                tx.select(MessageReader.IN_CONVERSATION)
                        .from(MESSAGES)
                        .where(
                                MESSAGES.TENANT_ID.eq(sql.tenant()),
                                MESSAGES.CONVERSATION_ID.eq(conversationId),
                                MESSAGES.SEQUENCE.between(first, first + claim.value2() - 1))
                        .orderBy(MESSAGES.SEQUENCE),
                MessageReader.inConversation(conversationId));
    }

    /** The parameters of {@link ConversationStatements}' single append. */
    private Map<String, Object> one(UUID conversationId, UUID id, NewMessage m, Instant now) {
        Map<String, Object> values = HashMap.newHashMap(13);
        values.put("tenant", sql.tenant());
        values.put("conversation", conversationId);
        values.put("id", id);
        values.put("role", m.role().name());
        values.put("content", m.content());
        values.put("tool_calls", ConversationRows.toolCallsJson(m.toolCalls()));
        values.put("tool_call_id", m.toolCallId());
        values.put("model_id", m.modelId());
        values.put("request_id", m.requestId());
        values.put("token_count", m.tokenCount());
        values.put("metadata", Json.of(m.metadata()));
        values.put("created_at", now);
        values.put("run_id", m.runId() == null ? null : m.runId().toString());
        return values;
    }

    /**
     * Many messages: a VALUES list numbered by ordinal, cross-joined with the reserved sequences; with a
     * {@code window} (or null), the reservation also moves the memory window where it fits.
     */
    private ResultQuery<?> appendMany(
            UUID conversationId, List<UUID> ids, List<NewMessage> batch, Instant now, MemoryWindow window) {
        UpdateSetMoreStep<Record> reserve = DSL.update(CONVERSATIONS)
                .set(CONVERSATIONS.LAST_SEQUENCE, CONVERSATIONS.LAST_SEQUENCE.plus(batch.size()))
                .set(CONVERSATIONS.LAST_ACTIVITY_AT, now);
        Condition where = appendable(conversationId);
        if (window != null) {
            reserve = reserve.set(CONVERSATIONS.MEMORY_START, window.start())
                    .set(CONVERSATIONS.MEMORY_PINNED, window.pinned());
            where = where.and(fits(window, batch.size()));
        }
        CommonTableExpression<Record2<Long, Integer>> reserved = MessageInsert.reserved(reserve.where(where));
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
                        "metadata",
                        "run_id");
        Field<Long> last = MessageInsert.lastSequence(reserved);
        return MessageInsert.insert(
                reserved,
                new MessageInsert.Values(
                        DSL.val(sql.tenant()),
                        rows.field("id", UUID.class),
                        DSL.val(conversationId),
                        last.minus(batch.size()).plus(rows.field("ordinal", Long.class)),
                        rows.field("role", String.class),
                        rows.field("content", String.class),
                        rows.field("tool_calls", SQLDataType.JSONB),
                        rows.field("tool_call_id", String.class),
                        rows.field("model_id", String.class),
                        rows.field("request_id", String.class),
                        rows.field("token_count", Integer.class),
                        rows.field("metadata", SQLDataType.JSONB),
                        DSL.val(now),
                        rows.field("run_id", UUID.class),
                        MessageInsert.branch(reserved)),
                rows);
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of one generic row type, filled right here
    private Row11<Long, UUID, String, String, JSONB, String, String, String, Integer, JSONB, UUID>[] rows(
            List<UUID> ids, List<NewMessage> batch) {
        Row11<Long, UUID, String, String, JSONB, String, String, String, Integer, JSONB, UUID>[] rows =
                new Row11[batch.size()];
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
                    DSL.val(Json.of(m.metadata()), SQLDataType.JSONB),
                    DSL.val(m.runId(), SQLDataType.UUID));
        }
        return rows;
    }
}

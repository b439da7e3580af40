package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGE_EMBEDDINGS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGE_REVISIONS;

import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageEdit;
import dev.agentstore.conversation.MessageRevision;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.conversation.ToolCall;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.postgres.spi.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record5;
import org.jooq.impl.DSL;

/**
 * Changing stored messages of the current branch: edits that keep what they replace as revisions, and tombstones
 * (one message with the rest of its tool exchange, or everything after a message). Each is one transaction holding
 * the conversation's row, so it never interleaves with an append or a fork.
 */
final class MessageEdits {
    private final TenantSql sql;
    private final Clock clock;

    MessageEdits(TenantSql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    Message edit(UUID conversationId, UUID messageId, MessageEdit edit) {
        Instant now = Timestamps.now(clock);
        return sql.transaction((connection, tx) -> {
            LockedConversation.lock(tx, sql.tenant(), conversationId);
            Condition message = live(conversationId).and(MESSAGES.ID.eq(messageId));
            var old = tx.select(MESSAGES.REVISION, MESSAGES.CONTENT, MESSAGES.TOKEN_COUNT)
                    .from(MESSAGES)
                    .where(message)
                    .fetchOne();
            if (old == null) {
                throw noLiveMessage(conversationId, messageId);
            }
            tx.insertInto(MESSAGE_REVISIONS)
                    .set(MESSAGE_REVISIONS.TENANT_ID, sql.tenant())
                    .set(MESSAGE_REVISIONS.MESSAGE_ID, messageId)
                    .set(MESSAGE_REVISIONS.REVISION, old.value1())
                    .set(MESSAGE_REVISIONS.CONTENT, old.value2())
                    .set(MESSAGE_REVISIONS.TOKEN_COUNT, old.value3())
                    .set(MESSAGE_REVISIONS.REPLACED_BY, edit.editedBy())
                    .set(MESSAGE_REVISIONS.REPLACED_AT, now)
                    .execute();
            // the embedding was made from the old text: recall must not find the message by it any more
            tx.deleteFrom(MESSAGE_EMBEDDINGS)
                    .where(MESSAGE_EMBEDDINGS.TENANT_ID.eq(sql.tenant()), MESSAGE_EMBEDDINGS.MESSAGE_ID.eq(messageId))
                    .execute();
            tx.update(MESSAGES)
                    .set(MESSAGES.CONTENT, edit.content())
                    .set(MESSAGES.TOKEN_COUNT, edit.tokenCount())
                    .set(MESSAGES.REVISION, MESSAGES.REVISION.plus(1))
                    .set(MESSAGES.EDITED_AT, now)
                    .where(message)
                    .execute();
            return MessageReader.fetch(
                            tx.select(MessageReader.IN_CONVERSATION)
                                    .from(MESSAGES)
                                    .where(message),
                            MessageReader.inConversation(conversationId))
                    .getFirst();
        });
    }

    /** The revisions of a message of the conversation, in any branch; none for a tombstone. */
    List<MessageRevision> revisions(UUID conversationId, UUID messageId) {
        List<MessageRevision> found = sql.reads()
                .query(
                        DSL.select(
                                        MESSAGE_REVISIONS.REVISION,
                                        MESSAGE_REVISIONS.CONTENT,
                                        MESSAGE_REVISIONS.TOKEN_COUNT,
                                        MESSAGE_REVISIONS.REPLACED_BY,
                                        MESSAGE_REVISIONS.REPLACED_AT)
                                .from(MESSAGE_REVISIONS)
                                .join(MESSAGES)
                                .on(
                                        MESSAGES.TENANT_ID.eq(MESSAGE_REVISIONS.TENANT_ID),
                                        MESSAGES.ID.eq(MESSAGE_REVISIONS.MESSAGE_ID))
                                .where(
                                        MESSAGE_REVISIONS.TENANT_ID.eq(sql.tenant()),
                                        MESSAGE_REVISIONS.MESSAGE_ID.eq(messageId),
                                        MESSAGES.CONVERSATION_ID.eq(conversationId))
                                .orderBy(MESSAGE_REVISIONS.REVISION),
                        row -> new MessageRevision(
                                messageId,
                                row.getInt(1),
                                row.getString(2),
                                row.getInt(3),
                                row.getString(4),
                                row.getObject(5, OffsetDateTime.class).toInstant()));
        if (found.isEmpty()
                && sql.reads()
                        .fetch(DSL.selectOne()
                                .from(MESSAGES)
                                .where(
                                        MESSAGES.TENANT_ID.eq(sql.tenant()),
                                        MESSAGES.CONVERSATION_ID.eq(conversationId),
                                        MESSAGES.ID.eq(messageId)))
                        .isEmpty()) {
            throw new NotFoundException("no message with id " + messageId + " in conversation " + conversationId);
        }
        return found;
    }

    /** Tombstones the message with the rest of its tool exchange; returns how many left the thread. */
    int delete(UUID conversationId, UUID messageId) {
        Instant now = Timestamps.now(clock);
        return sql.transaction((connection, tx) -> {
            LockedConversation.lock(tx, sql.tenant(), conversationId);
            Record5<UUID, Long, String, JSONB, String> target =
                    exchangeMember(tx, conversationId, MESSAGES.ID.eq(messageId));
            if (target == null) {
                throw noLiveMessage(conversationId, messageId);
            }
            String callId = target.value5();
            if (MessageRole.TOOL.name().equals(target.value3())) {
                Record5<UUID, Long, String, JSONB, String> call = callId == null
                        ? null
                        : exchangeMember(
                                tx,
                                conversationId,
                                MESSAGES.ROLE
                                        .eq(MessageRole.ASSISTANT.name())
                                        .and(MESSAGES.SEQUENCE.lt(target.value2()))
                                        .and(DSL.condition(
                                                "{0} @> jsonb_build_array(jsonb_build_object('id', {1}::text))",
                                                MESSAGES.TOOL_CALLS, DSL.val(callId))));
                target = call == null ? target : call;
            }
            List<UUID> unit = new ArrayList<>(List.of(target.value1()));
            List<String> callIds = MessageReader.toolCalls(target.value4().data()).stream()
                    .map(ToolCall::id)
                    .toList();
            if (!callIds.isEmpty()) {
                unit.addAll(tx.select(MESSAGES.ID)
                        .from(MESSAGES)
                        .where(
                                live(conversationId),
                                MESSAGES.ROLE.eq(MessageRole.TOOL.name()),
                                MESSAGES.SEQUENCE.gt(target.value2()),
                                MESSAGES.TOOL_CALL_ID.in(callIds))
                        .fetch(MESSAGES.ID));
            }
            return tombstone(tx, live(conversationId).and(MESSAGES.ID.in(unit)), now);
        });
    }

    /** Tombstones every message of the current branch after {@code messageId}; returns how many. */
    int truncateAfter(UUID conversationId, UUID messageId) {
        Instant now = Timestamps.now(clock);
        return sql.transaction((connection, tx) -> {
            LockedConversation.lock(tx, sql.tenant(), conversationId);
            Long sequence = tx.select(MESSAGES.SEQUENCE)
                    .from(MESSAGES)
                    .where(live(conversationId), MESSAGES.ID.eq(messageId))
                    .fetchOne(MESSAGES.SEQUENCE);
            if (sequence == null) {
                throw noLiveMessage(conversationId, messageId);
            }
            return tombstone(tx, live(conversationId).and(MESSAGES.SEQUENCE.gt(sequence)), now);
        });
    }

    /**
     * The id, sequence, role, tool calls and answered call of the newest live message matching {@code which}, or null.
     */
    private Record5<UUID, Long, String, JSONB, String> exchangeMember(
            DSLContext tx, UUID conversationId, Condition which) {
        return tx.select(MESSAGES.ID, MESSAGES.SEQUENCE, MESSAGES.ROLE, MESSAGES.TOOL_CALLS, MESSAGES.TOOL_CALL_ID)
                .from(MESSAGES)
                .where(live(conversationId), which)
                .orderBy(MESSAGES.SEQUENCE.desc())
                .limit(1)
                .fetchOne();
    }

    /** Erases the content of the messages {@code which} selects and takes them out of the thread, revisions too. */
    private int tombstone(DSLContext tx, Condition which, Instant now) {
        List<UUID> ids = tx.update(MESSAGES)
                .set(MESSAGES.LIVE, false)
                .set(MESSAGES.DELETED_AT, now)
                .set(MESSAGES.CONTENT, "")
                .set(MESSAGES.TOOL_CALLS, Json.of(List.of()))
                .set(MESSAGES.METADATA, Json.of(Map.of()))
                .where(which)
                .returningResult(MESSAGES.ID)
                .fetch(r -> r.value1());
        if (!ids.isEmpty()) {
            tx.deleteFrom(MESSAGE_REVISIONS)
                    .where(MESSAGE_REVISIONS.TENANT_ID.eq(sql.tenant()), MESSAGE_REVISIONS.MESSAGE_ID.in(ids))
                    .execute();
            tx.deleteFrom(MESSAGE_EMBEDDINGS)
                    .where(MESSAGE_EMBEDDINGS.TENANT_ID.eq(sql.tenant()), MESSAGE_EMBEDDINGS.MESSAGE_ID.in(ids))
                    .execute();
        }
        return ids.size();
    }

    /** The messages of the conversation's current branch, without tombstones. */
    private Condition live(UUID conversationId) {
        return MESSAGES.TENANT_ID
                .eq(sql.tenant())
                .and(MESSAGES.CONVERSATION_ID.eq(conversationId))
                .and(MESSAGES.LIVE);
    }

    private static NotFoundException noLiveMessage(UUID conversationId, UUID messageId) {
        return new NotFoundException(
                "no message with id " + messageId + " in the current branch of conversation " + conversationId);
    }
}

package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;

import dev.agentstore.InvalidInputException;
import dev.agentstore.conversation.MemoryWindow;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.postgres.internal.TenantSql;
import java.util.List;
import java.util.UUID;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * A conversation's memory window: read in one statement (the conversation's row says which messages are in it), and
 * moved in one transaction with the messages appended to it, at the cost of those messages only.
 */
final class MemoryWindowQueries {
    private final TenantSql sql;
    private final MessageAppender appender;

    MemoryWindowQueries(TenantSql sql, MessageAppender appender) {
        this.sql = sql;
        this.appender = appender;
    }

    /** The window's messages, oldest first; empty also for a missing conversation (the caller tells which). */
    List<Message> read(UUID conversationId) {
        return sql.query(
                DSL.select(MessageReader.IN_CONVERSATION)
                        .from(MESSAGES)
                        .join(CONVERSATIONS)
                        .on(
                                CONVERSATIONS.TENANT_ID.eq(MESSAGES.TENANT_ID),
                                CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID))
                        .where(
                                MESSAGES.TENANT_ID.eq(sql.tenant()),
                                MESSAGES.CONVERSATION_ID.eq(conversationId),
                                MESSAGES.SEQUENCE
                                        .ge(CONVERSATIONS.MEMORY_START)
                                        .or(MESSAGES.SEQUENCE.eq(CONVERSATIONS.MEMORY_PINNED)))
                        .orderBy(MESSAGES.SEQUENCE),
                MessageReader.inConversation(conversationId));
    }

    /**
     * Locks the conversation's row, checks {@code window} against the messages there will be, appends {@code batch}
     * and moves the window, in one transaction.
     *
     * @throws MessageAppender.NotAppended if the conversation is missing or deleted (the caller tells which)
     * @throws InvalidInputException naming the window if it does not fit; nothing changes then
     */
    List<Message> appendAndMove(UUID conversationId, List<NewMessage> batch, MemoryWindow window) {
        return sql.transaction((connection, tx) -> {
            Record2<Long, String> conversation = tx.select(CONVERSATIONS.LAST_SEQUENCE, CONVERSATIONS.STATUS)
                    .from(CONVERSATIONS)
                    .where(CONVERSATIONS.TENANT_ID.eq(sql.tenant()), CONVERSATIONS.ID.eq(conversationId))
                    .forUpdate()
                    .fetchOne();
            if (conversation == null || "DELETED".equals(conversation.value2())) {
                throw new MessageAppender.NotAppended();
            }
            long last = conversation.value1();
            if (window.start() > last + batch.size() + 1) {
                throw new InvalidInputException(
                        "window.start",
                        "must be at most " + (last + batch.size() + 1) + " (just after the last message), but was "
                                + window.start());
            }
            if (window.pinned() > last) {
                throw new InvalidInputException(
                        "window.pinned", "must be an existing message's sequence, but was " + window.pinned());
            }
            List<Message> appended = batch.isEmpty() ? List.of() : appender.appendIn(tx, conversationId, batch);
            tx.update(CONVERSATIONS)
                    .set(CONVERSATIONS.MEMORY_START, window.start())
                    .set(CONVERSATIONS.MEMORY_PINNED, window.pinned())
                    .where(CONVERSATIONS.TENANT_ID.eq(sql.tenant()), CONVERSATIONS.ID.eq(conversationId))
                    .execute();
            return appended;
        });
    }
}

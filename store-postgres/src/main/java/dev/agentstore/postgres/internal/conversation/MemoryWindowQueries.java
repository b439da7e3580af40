package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.conversation.MemoryWindow;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.postgres.spi.TenantSql;
import java.util.List;
import java.util.UUID;
import org.jooq.impl.DSL;

/**
 * A conversation's memory window: read in one statement (the conversation's row says which messages are in it), and
 * moved in one statement with the messages appended to it, at the cost of those messages only.
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
        return sql.reads()
                .query(
                        DSL.select(MessageReader.IN_CONVERSATION)
                                .from(MESSAGES)
                                .join(CONVERSATIONS)
                                .on(
                                        CONVERSATIONS.TENANT_ID.eq(MESSAGES.TENANT_ID),
                                        CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID))
                                .where(
                                        MESSAGES.TENANT_ID.eq(sql.tenant()),
                                        MESSAGES.CONVERSATION_ID.eq(conversationId),
                                        MESSAGES.LIVE.isTrue(),
                                        MESSAGES.SEQUENCE
                                                .ge(CONVERSATIONS.MEMORY_START)
                                                .or(MESSAGES.SEQUENCE.eq(CONVERSATIONS.MEMORY_PINNED)))
                                .orderBy(MESSAGES.SEQUENCE),
                        MessageReader.inConversation(conversationId));
    }

    /**
     * Appends {@code batch} and moves the window in one statement; when that matches nothing, reads the conversation
     * to say why. A window that fits by then (another append moved the conversation on meanwhile) is tried once more.
     *
     * @throws MessageAppender.NotAppended if the conversation is missing or deleted (the caller tells which)
     * @throws InvalidInputException naming the window if it does not fit; nothing changes then
     * @throws ConflictException if concurrent appends kept moving the conversation
     */
    List<Message> appendAndMove(UUID conversationId, List<NewMessage> batch, MemoryWindow window) {
        for (int attempt = 0; attempt < 2; attempt++) {
            List<Message> appended = appender.appendMoving(conversationId, batch, window);
            if (appended != null) {
                return appended;
            }
            refuse(conversationId, batch.size(), window);
        }
        throw new ConflictException("conversation " + conversationId + " kept changing while its memory window moved");
    }

    /** Throws what keeps {@code window} from moving with {@code appended} messages, if anything does now. */
    private void refuse(UUID conversationId, int appended, MemoryWindow window) {
        List<State> found = sql.primaryReads()
                .query(
                        DSL.select(CONVERSATIONS.LAST_SEQUENCE, CONVERSATIONS.STATUS)
                                .from(CONVERSATIONS)
                                .where(CONVERSATIONS.TENANT_ID.eq(sql.tenant()), CONVERSATIONS.ID.eq(conversationId)),
                        row -> new State(row.getLong(1), row.getString(2)));
        if (found.isEmpty() || "DELETED".equals(found.getFirst().status())) {
            throw new MessageAppender.NotAppended();
        }
        long last = found.getFirst().lastSequence();
        if (window.start() > last + appended + 1) {
            throw new InvalidInputException(
                    "window.start",
                    "must be at most " + (last + appended + 1) + " (just after the last message), but was "
                            + window.start());
        }
        if (window.pinned() > last) {
            throw new InvalidInputException(
                    "window.pinned", "must be an existing message's sequence, but was " + window.pinned());
        }
    }

    /** What a conversation's row says about appending to it. */
    private record State(long lastSequence, String status) {}
}

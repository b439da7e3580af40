package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;

import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.conversation.ToolCall;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.RowReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.ResultQuery;

/**
 * The columns a message is read from, and the readers that build it from them straight from JDBC, by position.
 * Queries select {@link #COLUMNS} first, or {@link #IN_CONVERSATION} when they read one conversation whose id
 * the caller already has: the id is then not sent back with every row. The stored {@code tsvector} is never sent
 * back.
 */
public final class MessageReader implements RowReader<Message> {
    /** The message columns, in the order queries must select them. */
    public static final List<Field<?>> COLUMNS = List.of(
            MESSAGES.ID,
            MESSAGES.CONVERSATION_ID,
            MESSAGES.SEQUENCE,
            MESSAGES.ROLE,
            MESSAGES.CONTENT,
            MESSAGES.TOOL_CALLS,
            MESSAGES.TOOL_CALL_ID,
            MESSAGES.MODEL_ID,
            MESSAGES.REQUEST_ID,
            MESSAGES.TOKEN_COUNT,
            MESSAGES.METADATA,
            MESSAGES.CREATED_AT,
            MESSAGES.RUN_ID,
            MESSAGES.REVISION,
            MESSAGES.EDITED_AT);

    /** {@link #COLUMNS} without the conversation id, for reads within one conversation. */
    public static final List<Field<?>> IN_CONVERSATION =
            COLUMNS.stream().filter(c -> c != MESSAGES.CONVERSATION_ID).toList();

    /** Reads {@link #COLUMNS}. */
    public static final MessageReader INSTANCE = new MessageReader(null);

    /** The conversation every row belongs to, or null when rows carry it in their second column. */
    private final UUID conversationId;

    private MessageReader(UUID conversationId) {
        this.conversationId = conversationId;
    }

    /** Reads {@link #IN_CONVERSATION} of messages of {@code conversationId}. */
    public static MessageReader inConversation(UUID conversationId) {
        return new MessageReader(conversationId);
    }

    @Override
    public Message read(ResultSet row) throws SQLException {
        int at = conversationId == null ? 1 : 0; // the offset of the columns after the conversation id
        return new Message(
                row.getObject(1, UUID.class),
                conversationId == null ? row.getObject(2, UUID.class) : conversationId,
                row.getLong(2 + at),
                MessageRole.valueOf(row.getString(3 + at)),
                row.getString(4 + at),
                toolCalls(row.getString(5 + at)),
                row.getString(6 + at),
                row.getString(7 + at),
                row.getString(8 + at),
                row.getObject(12 + at, UUID.class),
                row.getInt(9 + at),
                Json.map(row.getString(10 + at)),
                row.getObject(11 + at, OffsetDateTime.class).toInstant(),
                row.getInt(13 + at),
                instant(row.getObject(14 + at, OffsetDateTime.class)));
    }

    /** Runs {@code query} (selecting {@link #IN_CONVERSATION} or {@link #COLUMNS}) inside a transaction. */
    static List<Message> fetch(ResultQuery<?> query, MessageReader reader) throws SQLException {
        List<Message> messages = new ArrayList<>();
        try (ResultSet rows = query.fetchResultSet()) {
            while (rows.next()) {
                messages.add(reader.read(rows));
            }
        }
        return messages;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** Tool calls from their stored JSON array. */
    static List<ToolCall> toolCalls(String json) {
        return Json.listOfMaps(json).stream()
                .map(m -> new ToolCall((String) m.get("id"), (String) m.get("name"), (String) m.get("arguments")))
                .toList();
    }
}

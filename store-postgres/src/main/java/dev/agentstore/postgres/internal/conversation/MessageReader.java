package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;

import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.conversation.ToolCall;
import dev.agentstore.postgres.internal.Json;
import dev.agentstore.postgres.internal.RowReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;

/**
 * The columns a message is read from, and the reader that builds it from them straight from JDBC, by position.
 * Queries select {@link #COLUMNS} first; the stored {@code tsvector} is never sent back.
 */
final class MessageReader implements RowReader<Message> {
    /** The message columns, in the order queries must select them. */
    static final List<Field<?>> COLUMNS = List.of(
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
            MESSAGES.RUN_ID);

    static final MessageReader INSTANCE = new MessageReader();

    private MessageReader() {}

    @Override
    public Message read(ResultSet row) throws SQLException {
        return new Message(
                row.getObject(1, UUID.class),
                row.getObject(2, UUID.class),
                row.getLong(3),
                MessageRole.valueOf(row.getString(4)),
                row.getString(5),
                toolCalls(row.getString(6)),
                row.getString(7),
                row.getString(8),
                row.getString(9),
                row.getObject(13, UUID.class),
                row.getInt(10),
                Json.map(row.getString(11)),
                row.getObject(12, OffsetDateTime.class).toInstant());
    }

    /** Tool calls from their stored JSON array. */
    static List<ToolCall> toolCalls(String json) {
        return Json.listOfMaps(json).stream()
                .map(m -> new ToolCall((String) m.get("id"), (String) m.get("name"), (String) m.get("arguments")))
                .toList();
    }
}

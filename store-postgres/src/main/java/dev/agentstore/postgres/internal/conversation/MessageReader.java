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

/**
 * Reads a message from the columns of {@code MESSAGES.fields()}, in table order, straight from JDBC: the
 * message queries select or return exactly those columns first.
 */
final class MessageReader implements RowReader<Message> {
    static final MessageReader INSTANCE = new MessageReader();

    private static final int CONVERSATION_ID = column("conversation_id");
    private static final int SEQUENCE = column("sequence");
    private static final int ID = column("id");
    private static final int ROLE = column("role");
    private static final int CONTENT = column("content");
    private static final int TOOL_CALLS = column("tool_calls");
    private static final int TOOL_CALL_ID = column("tool_call_id");
    private static final int MODEL_ID = column("model_id");
    private static final int REQUEST_ID = column("request_id");
    private static final int TOKEN_COUNT = column("token_count");
    private static final int METADATA = column("metadata");
    private static final int CREATED_AT = column("created_at");

    private MessageReader() {}

    @Override
    public Message read(ResultSet row) throws SQLException {
        return new Message(
                row.getObject(ID, UUID.class),
                row.getObject(CONVERSATION_ID, UUID.class),
                row.getLong(SEQUENCE),
                MessageRole.valueOf(row.getString(ROLE)),
                row.getString(CONTENT),
                toolCalls(row.getString(TOOL_CALLS)),
                row.getString(TOOL_CALL_ID),
                row.getString(MODEL_ID),
                row.getString(REQUEST_ID),
                row.getInt(TOKEN_COUNT),
                Json.map(row.getString(METADATA)),
                row.getObject(CREATED_AT, OffsetDateTime.class).toInstant());
    }

    static List<ToolCall> toolCalls(String json) {
        return Json.listOfMaps(json).stream()
                .map(m -> new ToolCall((String) m.get("id"), (String) m.get("name"), (String) m.get("arguments")))
                .toList();
    }

    /** The 1-based JDBC position of a column among {@code MESSAGES.fields()}. */
    private static int column(String name) {
        int index = MESSAGES.indexOf(name);
        if (index < 0) {
            throw new IllegalStateException("messages has no column " + name);
        }
        return index + 1;
    }
}

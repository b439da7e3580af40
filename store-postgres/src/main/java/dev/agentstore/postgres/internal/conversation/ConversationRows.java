package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CHAT_SESSIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.USERS;

import dev.agentstore.conversation.ChatSession;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.conversation.MemoryWindow;
import dev.agentstore.conversation.SessionStatus;
import dev.agentstore.conversation.ToolCall;
import dev.agentstore.conversation.User;
import dev.agentstore.postgres.spi.Json;
import java.util.List;
import java.util.Map;
import org.jooq.JSONB;
import org.jooq.Record;

/** Maps rows of the conversation tables to the API's records. */
final class ConversationRows {
    private ConversationRows() {}

    static User user(Record r) {
        return new User(
                r.get(USERS.ID),
                r.get(USERS.CHANNEL),
                r.get(USERS.EXTERNAL_ID),
                r.get(USERS.DISPLAY_NAME),
                Json.map(r.get(USERS.PREFERENCES)),
                r.get(USERS.CREATED_AT),
                r.get(USERS.UPDATED_AT));
    }

    static ChatSession session(Record r) {
        return new ChatSession(
                r.get(CHAT_SESSIONS.ID),
                r.get(CHAT_SESSIONS.USER_ID),
                SessionStatus.valueOf(r.get(CHAT_SESSIONS.STATUS)),
                Json.map(r.get(CHAT_SESSIONS.METADATA)),
                r.get(CHAT_SESSIONS.CREATED_AT),
                r.get(CHAT_SESSIONS.LAST_ACTIVE_AT));
    }

    static Conversation conversation(Record r) {
        return new Conversation(
                r.get(CONVERSATIONS.ID),
                r.get(CONVERSATIONS.USER_ID),
                r.get(CONVERSATIONS.SESSION_ID),
                r.get(CONVERSATIONS.AGENT_ID),
                r.get(CONVERSATIONS.TITLE),
                ConversationStatus.valueOf(r.get(CONVERSATIONS.STATUS)),
                r.get(CONVERSATIONS.MODEL_OVERRIDE),
                r.get(CONVERSATIONS.SUMMARY),
                Json.map(r.get(CONVERSATIONS.METADATA)),
                r.get(CONVERSATIONS.VERSION),
                r.get(CONVERSATIONS.CREATED_AT),
                r.get(CONVERSATIONS.UPDATED_AT),
                r.get(CONVERSATIONS.EXTERNAL_KEY),
                new MemoryWindow(r.get(CONVERSATIONS.MEMORY_START), r.get(CONVERSATIONS.MEMORY_PINNED)),
                r.get(CONVERSATIONS.LAST_ACTIVITY_AT),
                r.get(CONVERSATIONS.ENDED_AT),
                r.get(CONVERSATIONS.DELETED_AT));
    }

    static JSONB toolCallsJson(List<ToolCall> calls) {
        return Json.of(calls.stream()
                .map(c -> Map.of("id", c.id(), "name", c.name(), "arguments", c.arguments()))
                .toList());
    }
}

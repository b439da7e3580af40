package dev.agentstore.postgres.internal.conversation;

import dev.agentstore.conversation.ContextWindow;
import dev.agentstore.conversation.Message;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.spi.ContextWindowPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The token-budget window with SQL doing the narrowing ({@link ConversationStatements}: a window function
 * sums token counts from the newest message back) and core's {@link ContextWindowPolicy} applying the exact
 * rule to the candidate rows only.
 */
final class ContextWindowQuery {
    private static final int IS_SYSTEM = MessageReader.IN_CONVERSATION.size() + 1;
    private static final int OLDER = IS_SYSTEM + 1;

    private final TenantSql sql;
    private final ConversationStatements statements;

    ContextWindowQuery(TenantSql sql, ConversationStatements statements) {
        this.sql = sql;
        this.statements = statements;
    }

    /** The window, or empty when the conversation has no messages (it may not exist). */
    Optional<ContextWindow> select(UUID conversationId, int budget) {
        MessageReader reader = MessageReader.inConversation(conversationId);
        List<Row> rows = sql.query(
                statements.window,
                Map.of("tenant", sql.tenant(), "conversation", conversationId, "budget", (long) budget),
                row -> new Row(reader.read(row), row.getBoolean(IS_SYSTEM), row.getObject(OLDER, Long.class)));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row system = null;
        Row firstOther = null;
        List<Message> newest = new ArrayList<>();
        for (Row row : rows) {
            if (row.system()) {
                system = row;
            } else {
                firstOther = firstOther == null ? row : firstOther;
                newest.add(row.message());
            }
        }
        // The candidates hold every message when nothing is older than the first one but the system message, with
        // nothing older than it in turn (sequences have gaps, so only the rows' own links say so).
        boolean whole = firstOther == null
                || firstOther.older() == null
                || (system != null && firstOther.older() == system.message().sequence() && system.older() == null);
        Message systemMessage = system == null ? null : system.message();
        return Optional.of(ContextWindowPolicy.select(systemMessage, newest, whole, budget));
    }

    /**
     * A candidate message, whether it is the conversation's first system message, and the sequence of the message
     * before it (null for the first).
     */
    private record Row(Message message, boolean system, Long older) {}
}

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
                row -> new Row(reader.read(row), row.getBoolean(IS_SYSTEM)));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Message systemMessage = null;
        List<Message> newest = new ArrayList<>();
        for (Row row : rows) {
            if (row.system()) {
                systemMessage = row.message();
            } else {
                newest.add(row.message());
            }
        }
        // Sequences start at 1 and have no gaps (appends reserve them in the statement that inserts, and messages
        // are only ever deleted with their conversation), so the first message other than the system one is 1 or 2.
        // The first system message is always among the rows, pinned, so its sequence is known.
        long firstOther = systemMessage != null && systemMessage.sequence() == 1 ? 2 : 1;
        boolean whole = newest.isEmpty() || newest.get(0).sequence() == firstOther;
        return Optional.of(ContextWindowPolicy.select(systemMessage, newest, whole, budget));
    }

    /** A candidate message and whether it is the conversation's first system message. */
    private record Row(Message message, boolean system) {}
}

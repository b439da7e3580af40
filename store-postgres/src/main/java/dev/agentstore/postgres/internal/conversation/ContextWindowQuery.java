package dev.agentstore.postgres.internal.conversation;

import dev.agentstore.conversation.ContextWindow;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.spi.ContextWindowPolicy;
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
    private final TenantSql sql;
    private final ConversationStatements statements;

    ContextWindowQuery(TenantSql sql, ConversationStatements statements) {
        this.sql = sql;
        this.statements = statements;
    }

    /** The window, or empty when the conversation has no messages (it may not exist). */
    Optional<ContextWindow> select(UUID conversationId, int budget) {
        List<WindowCandidates.Row> rows = sql.reads()
                .query(
                        statements.window,
                        Map.of("tenant", sql.tenant(), "conversation", conversationId, "budget", (long) budget),
                        WindowCandidates.reader(conversationId));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        WindowCandidates candidates = WindowCandidates.of(rows);
        return Optional.of(
                ContextWindowPolicy.select(candidates.system(), candidates.newest(), candidates.whole(), budget));
    }
}

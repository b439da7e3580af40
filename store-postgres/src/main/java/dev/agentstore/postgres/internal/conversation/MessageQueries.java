package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageSearchHit;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.spi.Cursors;
import dev.agentstore.spi.Pages;
import dev.agentstore.spi.TextMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Reading messages: keyset history, the last N, and full-text search. */
final class MessageQueries {
    private final TenantSql sql;
    private final ConversationStatements statements;

    MessageQueries(TenantSql sql, ConversationStatements statements) {
        this.sql = sql;
        this.statements = statements;
    }

    /** One keyset page of the current branch; the cursor is the sequence of the last message returned. */
    Page<Message> history(UUID conversationId, HistoryOrder order, PageRequest page) {
        return history(conversationId, inConversation(conversationId), order, page);
    }

    /** One keyset page of the messages {@code which} selects in the conversation. */
    Page<Message> history(UUID conversationId, Condition which, HistoryOrder order, PageRequest page) {
        Condition condition = which;
        boolean oldestFirst = order == HistoryOrder.OLDEST_FIRST;
        if (page.cursor() != null) {
            long after = Cursors.decodeLong(page.cursor());
            condition = condition.and(oldestFirst ? MESSAGES.SEQUENCE.gt(after) : MESSAGES.SEQUENCE.lt(after));
        }
        List<Message> rows = sql.replicaReads()
                .query(
                        DSL.select(MessageReader.IN_CONVERSATION)
                                .from(MESSAGES)
                                .where(condition)
                                .orderBy(oldestFirst ? MESSAGES.SEQUENCE.asc() : MESSAGES.SEQUENCE.desc())
                                .limit(page.limit() + 1),
                        MessageReader.inConversation(conversationId));
        return Pages.of(rows, page.limit(), m -> Long.toString(m.sequence()));
    }

    /** The last {@code count} messages, oldest first. */
    List<Message> last(UUID conversationId, int count) {
        List<Message> newestFirst = sql.reads()
                .query(
                        statements.last,
                        Map.of("tenant", sql.tenant(), "conversation", conversationId, "count", count),
                        MessageReader.inConversation(conversationId));
        return newestFirst.reversed();
    }

    /** The user's messages holding every query word, best first; words are matched as TextMatch splits them. */
    List<MessageSearchHit> search(UUID userId, String query, int limit) {
        List<String> words = TextMatch.words(query);
        if (words.isEmpty()) {
            return List.of();
        }
        Field<String> text = DSL.val(String.join(" ", words));
        Field<Float> rank = DSL.field(
                "ts_rank({0}, plainto_tsquery('simple', {1}))", SQLDataType.REAL, MESSAGES.SEARCH_VECTOR, text);
        Condition matches = DSL.condition("{0} @@ plainto_tsquery('simple', {1})", MESSAGES.SEARCH_VECTOR, text);
        List<Field<?>> fields = new ArrayList<>(MessageReader.COLUMNS);
        fields.add(rank);
        int rankColumn = fields.size();
        return sql.replicaReads()
                .query(
                        DSL.select(fields)
                                .from(MESSAGES)
                                .join(CONVERSATIONS)
                                .on(
                                        CONVERSATIONS.TENANT_ID.eq(MESSAGES.TENANT_ID),
                                        CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID))
                                .where(
                                        MESSAGES.TENANT_ID.eq(sql.tenant()),
                                        CONVERSATIONS.USER_ID.eq(userId),
                                        CONVERSATIONS.STATUS.ne(DSL.inline(ConversationStatus.DELETED.name())),
                                        MESSAGES.LIVE.isTrue(),
                                        matches)
                                .orderBy(rank.desc(), MESSAGES.ID.desc())
                                .limit(limit),
                        row -> new MessageSearchHit(MessageReader.INSTANCE.read(row), row.getDouble(rankColumn)));
    }

    /** The messages of the conversation's current branch, without tombstones. */
    private Condition inConversation(UUID conversationId) {
        return MESSAGES.TENANT_ID
                .eq(sql.tenant())
                .and(MESSAGES.CONVERSATION_ID.eq(conversationId))
                .and(MESSAGES.LIVE);
    }
}

package dev.agentstore.postgres.internal.conversation;

import dev.agentstore.conversation.HistoryImport;
import dev.agentstore.conversation.ImportedConversation;
import dev.agentstore.conversation.ImportedMessage;
import dev.agentstore.conversation.ImportedUser;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.postgres.spi.BinaryCopy;
import dev.agentstore.postgres.spi.Json;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A history import's rows as three binary COPY streams, shared by both ways an import is written: into session
 * temporary tables that are then moved under row-level security ({@link HistoryImportWriter}), and straight into the
 * tenant's tables through the ingest role ({@link HistoryIngest}). The temporary tables have exactly these columns,
 * so one list per table serves both; a stream into the tenant's tables writes the tenant first.
 */
final class HistoryTuples {
    /** The columns every imported user's row sets; the rest take their defaults. */
    static final String USER_COLUMNS = "id, channel, external_id, display_name, created_at, updated_at";
    /** The columns every imported conversation's row sets. */
    static final String CONVERSATION_COLUMNS = "id, user_id, external_key, title, status, metadata, version,"
            + " last_sequence, created_at, updated_at, last_activity_at";
    /** The columns every imported message's row sets (an imported message is live on the main branch). */
    static final String MESSAGE_COLUMNS = "conversation_id, sequence, id, role, content, tool_calls, tool_call_id,"
            + " model_id, request_id, token_count, metadata, created_at";

    private HistoryTuples() {}

    /**
     * COPYs the batch's users, conversations and messages into {@code users}, {@code conversations} and
     * {@code messages} (rendered table names), each row led by {@code tenant} unless it is null.
     */
    static void copy(
            Connection connection,
            String users,
            String conversations,
            String messages,
            String tenant,
            HistoryImport batch)
            throws SQLException {
        int lead = tenant == null ? 0 : 1;
        if (!batch.users().isEmpty()) {
            BinaryCopy.copy(connection, statement(users, tenant, USER_COLUMNS), copy -> {
                for (ImportedUser u : batch.users()) {
                    tenant(copy.row(lead + 6), tenant)
                            .uuid(u.id())
                            .text(u.channel())
                            .text(u.externalId())
                            .text(u.displayName())
                            .timestamp(u.createdAt())
                            .timestamp(u.createdAt());
                }
            });
        }
        BinaryCopy.copy(connection, statement(conversations, tenant, CONVERSATION_COLUMNS), copy -> {
            for (ImportedConversation c : batch.conversations()) {
                tenant(copy.row(lead + 11), tenant)
                        .uuid(c.id())
                        .uuid(c.userId())
                        .text(c.externalKey())
                        .text(c.title())
                        .text("ACTIVE")
                        .jsonb(Json.of(c.metadata()).data())
                        .int8(1L)
                        .int8((long) c.messages().size())
                        .timestamp(c.createdAt())
                        .timestamp(c.createdAt())
                        .timestamp(c.lastActivityAt());
            }
        });
        BinaryCopy.copy(connection, statement(messages, tenant, MESSAGE_COLUMNS), copy -> {
            for (ImportedConversation c : batch.conversations()) {
                long sequence = 0;
                for (ImportedMessage imported : c.messages()) {
                    NewMessage m = imported.message();
                    tenant(copy.row(lead + 12), tenant)
                            .uuid(c.id())
                            .int8(++sequence)
                            .uuid(imported.id())
                            .text(m.role().name())
                            .text(m.content())
                            .jsonb(ConversationRows.toolCallsJson(m.toolCalls()).data())
                            .text(m.toolCallId())
                            .text(m.modelId())
                            .text(m.requestId())
                            .int4(m.tokenCount())
                            .jsonb(Json.of(m.metadata()).data())
                            .timestamp(imported.createdAt());
                }
            }
        });
    }

    private static String statement(String table, String tenant, String columns) {
        return "copy " + table + " (" + (tenant == null ? "" : "tenant_id, ") + columns
                + ") from stdin (format binary)";
    }

    private static BinaryCopy tenant(BinaryCopy row, String tenant) throws IOException {
        return tenant == null ? row : row.text(tenant);
    }
}

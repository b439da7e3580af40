package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;
import static dev.agentstore.postgres.internal.jooq.Tables.USERS;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.HistoryImport;
import dev.agentstore.conversation.ImportReport;
import dev.agentstore.conversation.ImportedConversation;
import dev.agentstore.conversation.ImportedMessage;
import dev.agentstore.conversation.ImportedUser;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.postgres.spi.BinaryCopy;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.PostgresErrors;
import dev.agentstore.postgres.spi.TenantSql;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * A history import in one transaction of the tenant: the users, conversations and messages stream through binary
 * COPY into session temporary tables (COPY cannot write through row-level security), then move into the tenant's
 * tables with {@code INSERT ... SELECT}, where the tenant policy checks every row. Users and conversations already
 * stored are skipped ({@code ON CONFLICT DO NOTHING}), and only the messages of the conversations inserted follow
 * them (one statement: the conversations' insert is a CTE the messages join).
 */
final class HistoryImportWriter {
    private static final String USERS_LOAD = "agentstore_import_users";
    private static final String CONVERSATIONS_LOAD = "agentstore_import_conversations";
    private static final String MESSAGES_LOAD = "agentstore_import_messages";

    private final TenantSql sql;

    HistoryImportWriter(TenantSql sql) {
        this.sql = sql;
    }

    ImportReport write(HistoryImport batch) {
        try {
            return sql.transaction((connection, tx) -> {
                createLoadTables(tx);
                load(connection, batch);
                int users = tx.execute(
                        "insert into {0} (tenant_id, id, channel, external_id, display_name, preferences, created_at,"
                                + " updated_at) select {1}, id, channel, external_id, display_name, '{}', created_at,"
                                + " created_at from {2} on conflict (tenant_id, id) do nothing",
                        USERS, DSL.val(sql.tenant()), DSL.name(USERS_LOAD));
                Record moved = tx.fetchSingle(
                        "with inserted as (insert into {0} (tenant_id, id, user_id, external_key, title, status,"
                                + " metadata, version, last_sequence, created_at, updated_at, last_activity_at)"
                                + " select {1}, id, user_id, external_key, title, 'ACTIVE', metadata, 1, message_count,"
                                + " created_at, created_at, last_activity_at from {2} order by ordinal"
                                + " on conflict do nothing returning id),"
                                + " moved as (insert into {3} (tenant_id, conversation_id, sequence, id, role, content,"
                                + " tool_calls, tool_call_id, model_id, request_id, token_count, metadata, created_at)"
                                + " select {1}, m.conversation_id, m.sequence, m.id, m.role, m.content, m.tool_calls,"
                                + " m.tool_call_id, m.model_id, m.request_id, m.token_count, m.metadata, m.created_at"
                                + " from {4} m join inserted i on i.id = m.conversation_id returning 1)"
                                + " select (select count(*) from inserted) as c, (select count(*) from moved) as m",
                        CONVERSATIONS,
                        DSL.val(sql.tenant()),
                        DSL.name(CONVERSATIONS_LOAD),
                        MESSAGES,
                        DSL.name(MESSAGES_LOAD));
                return new ImportReport(users, moved.get(0, Long.class).intValue(), moved.get(1, Long.class));
            });
        } catch (NotFoundException e) {
            throw new NotFoundException("an imported conversation's user is neither stored nor in the batch", e);
        } catch (ConflictException e) {
            throw PostgresErrors.violates(e, "users_tenant_id_channel_external_id_key")
                    ? new ConflictException("another user is known by an imported user's channel and external id", e)
                    : new ConflictException("an imported message's id is taken by a stored message", e);
        }
    }

    private static void createLoadTables(DSLContext tx) {
        tx.execute(
                "create temporary table if not exists {0} (id uuid, channel text, external_id text,"
                        + " display_name text, created_at timestamptz) on commit delete rows",
                DSL.name(USERS_LOAD));
        tx.execute(
                "create temporary table if not exists {0} (ordinal integer, id uuid, user_id uuid,"
                        + " external_key text, title text, metadata jsonb, created_at timestamptz, message_count bigint,"
                        + " last_activity_at timestamptz) on commit delete rows",
                DSL.name(CONVERSATIONS_LOAD));
        tx.execute(
                "create temporary table if not exists {0} (conversation_id uuid, sequence bigint, id uuid,"
                        + " role text, content text, tool_calls jsonb, tool_call_id text, model_id text, request_id text,"
                        + " token_count integer, metadata jsonb, created_at timestamptz) on commit delete rows",
                DSL.name(MESSAGES_LOAD));
    }

    private static void load(Connection connection, HistoryImport batch) throws SQLException {
        if (!batch.users().isEmpty()) {
            BinaryCopy.copy(connection, "copy " + USERS_LOAD + " from stdin (format binary)", copy -> {
                for (ImportedUser u : batch.users()) {
                    copy.row(5)
                            .uuid(u.id())
                            .text(u.channel())
                            .text(u.externalId())
                            .text(u.displayName())
                            .timestamp(u.createdAt());
                }
            });
        }
        BinaryCopy.copy(connection, "copy " + CONVERSATIONS_LOAD + " from stdin (format binary)", copy -> {
            int ordinal = 0;
            for (ImportedConversation c : batch.conversations()) {
                copy.row(9)
                        .int4(ordinal++)
                        .uuid(c.id())
                        .uuid(c.userId())
                        .text(c.externalKey())
                        .text(c.title())
                        .jsonb(Json.of(c.metadata()).data())
                        .timestamp(c.createdAt())
                        .int8((long) c.messages().size())
                        .timestamp(c.lastActivityAt());
            }
        });
        BinaryCopy.copy(connection, "copy " + MESSAGES_LOAD + " from stdin (format binary)", copy -> {
            for (ImportedConversation c : batch.conversations()) {
                long sequence = 0;
                for (ImportedMessage imported : c.messages()) {
                    NewMessage m = imported.message();
                    copy.row(12)
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
}

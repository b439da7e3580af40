package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;
import static dev.agentstore.postgres.internal.jooq.Tables.USERS;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.HistoryImport;
import dev.agentstore.conversation.ImportReport;
import dev.agentstore.postgres.spi.PostgresErrors;
import dev.agentstore.postgres.spi.TenantSql;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * A history import in one transaction of the tenant: the users, conversations and messages stream through binary
 * COPY into session temporary tables (COPY cannot write through row-level security), then move into the tenant's
 * tables with {@code INSERT ... SELECT}, where the tenant policy checks every row. Users and conversations already
 * stored are skipped ({@code ON CONFLICT DO NOTHING}), and only the messages of the conversations inserted follow
 * them (one statement: the conversations' insert is a CTE the messages join).
 *
 * <p>With the ingest role configured, an import is first COPYed straight into the tenant's tables
 * ({@link HistoryIngest}); a batch any constraint refuses there (a re-import, a user stored before, an unknown user,
 * a taken id) comes this way instead, which skips what is stored and names what is wrong.
 */
final class HistoryImportWriter {
    private static final String USERS_LOAD = "agentstore_import_users";
    private static final String CONVERSATIONS_LOAD = "agentstore_import_conversations";
    private static final String MESSAGES_LOAD = "agentstore_import_messages";

    private final TenantSql sql;
    private final HistoryIngest ingest;

    /** Imports through {@code sql}, first trying {@code ingest} unless it is null. */
    HistoryImportWriter(TenantSql sql, HistoryIngest ingest) {
        this.sql = sql;
        this.ingest = ingest;
    }

    ImportReport write(HistoryImport batch) {
        if (ingest != null) {
            Optional<ImportReport> copied = ingest.copy(sql.tenant(), batch);
            if (copied.isPresent()) {
                return copied.get();
            }
        }
        try {
            return sql.transaction((connection, tx) -> {
                createLoadTables(tx);
                HistoryTuples.copy(connection, USERS_LOAD, CONVERSATIONS_LOAD, MESSAGES_LOAD, null, batch);
                int users = tx.execute(
                        "insert into {0} (tenant_id, " + HistoryTuples.USER_COLUMNS + ") select {1}, "
                                + HistoryTuples.USER_COLUMNS + " from {2} on conflict (tenant_id, id) do nothing",
                        USERS,
                        DSL.val(sql.tenant()),
                        DSL.name(USERS_LOAD));
                Record moved = tx.fetchSingle(
                        "with inserted as (insert into {0} (tenant_id, " + HistoryTuples.CONVERSATION_COLUMNS + ")"
                                + " select {1}, " + HistoryTuples.CONVERSATION_COLUMNS + " from {2} order by ordinal"
                                + " on conflict do nothing returning id),"
                                + " moved as (insert into {3} (tenant_id, " + HistoryTuples.MESSAGE_COLUMNS + ")"
                                + " select {1}, m.* from (select " + HistoryTuples.MESSAGE_COLUMNS + " from {4}) m"
                                + " join inserted i on i.id = m.conversation_id returning 1)"
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

    /**
     * The load tables, one per session, emptied at commit; their columns are the streams' ({@link HistoryTuples}),
     * and the conversations' ordinal keeps the batch's order.
     */
    private static void createLoadTables(DSLContext tx) {
        tx.execute(
                "create temporary table if not exists {0} (id uuid, channel text, external_id text,"
                        + " display_name text, created_at timestamptz, updated_at timestamptz) on commit delete rows",
                DSL.name(USERS_LOAD));
        tx.execute(
                "create temporary table if not exists {0} (ordinal bigint generated always as identity, id uuid,"
                        + " user_id uuid, external_key text, title text, status text, metadata jsonb, version bigint,"
                        + " last_sequence bigint, created_at timestamptz, updated_at timestamptz,"
                        + " last_activity_at timestamptz) on commit delete rows",
                DSL.name(CONVERSATIONS_LOAD));
        tx.execute(
                "create temporary table if not exists {0} (conversation_id uuid, sequence bigint, id uuid,"
                        + " role text, content text, tool_calls jsonb, tool_call_id text, model_id text, request_id text,"
                        + " token_count integer, metadata jsonb, created_at timestamptz) on commit delete rows",
                DSL.name(MESSAGES_LOAD));
    }
}

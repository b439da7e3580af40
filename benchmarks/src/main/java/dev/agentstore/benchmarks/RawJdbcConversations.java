package dev.agentstore.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The baseline: hand-written JDBC on one connection, on agentstore's own tables, doing what a careful developer
 * would: the same single-statement append (reserve a sequence, insert), a JDBC batch for many messages, the
 * same keyset read and the same window query (running sum, first system message pinned), reading the same twelve
 * columns a message is built from. No pool and no mapping beyond reading every column.
 *
 * <p>Two flavours. As the table owner (a superuser, so row-level security does not apply) it is the fastest
 * thing JDBC can do on these tables. Under the same security model as agentstore (an ordinary role, row-level
 * security, the tenant set per transaction with {@code set_config} sent in the same round trip as the
 * statement) it is what an application must do to get agentstore's isolation by hand.
 */
final class RawJdbcConversations implements ConversationWorkload {
    private static final String SET_TENANT = "select set_config('agentstore.tenant_id', ?, true); ";
    /** Reserves the sequence and moves the conversation's activity (what a recent-chats list orders by), as agentstore. */
    private static final String APPEND = "with reserved as (update agentstore.conversations"
            + " set last_sequence = last_sequence + 1, last_activity_at = now()"
            + " where tenant_id = ? and id = ? and status <> 'DELETED'"
            + " returning last_sequence)"
            + " insert into agentstore.messages (tenant_id, conversation_id, sequence, id, role, content, tool_calls,"
            + " token_count, metadata, created_at)"
            + " select ?, ?, last_sequence, ?, 'USER', ?, '[]', ?, '{}', ? from reserved";
    /**
     * Every column of a message but its conversation's id, which the caller has: what a message is built from,
     * its revision and edit time included.
     */
    private static final String COLUMNS = "id, sequence, role, content, tool_calls, tool_call_id, model_id,"
            + " request_id, token_count, metadata, created_at, run_id, revision, edited_at";

    private static final String LAST = "select " + COLUMNS + " from agentstore.messages"
            + " where tenant_id = ? and conversation_id = ? order by sequence desc limit ?";
    /**
     * The same window agentstore selects: the newest messages whose running token sum fits the budget, plus the
     * conversation's first system message, pinned (found with one probe of the partial index on system messages,
     * materialized so it runs once) and not counted against the budget. The tenant and conversation are bound
     * twice.
     */
    private static final String WINDOW = "with system_message as materialized (select sequence from agentstore.messages"
            + " where tenant_id = ? and conversation_id = ? and role = 'SYSTEM' order by sequence limit 1)"
            + " select " + COLUMNS + " from"
            + " (select m.*, coalesce(m.sequence = s.sequence, false) as pinned,"
            + " case when m.sequence = s.sequence then 0 else m.token_count end as own,"
            + " sum(case when m.sequence = s.sequence then 0 else m.token_count end)"
            + " over (order by m.sequence desc rows unbounded preceding) as running"
            + " from agentstore.messages m left join system_message s on true"
            + " where m.tenant_id = ? and m.conversation_id = ?) w"
            + " where running - own <= ? or pinned order by sequence";

    private static final String NEW_USER = "insert into agentstore.users"
            + " (tenant_id, id, channel, external_id, created_at, updated_at) values (?, ?, 'bench', ?, now(), now())";
    private static final String NEW_CONVERSATION = "insert into agentstore.conversations"
            + " (tenant_id, id, user_id, status, version, created_at, updated_at, last_activity_at)"
            + " values (?, ?, ?, 'ACTIVE', 1, now(), now(), now())";

    private final Connection connection;
    private final String tenant;
    private final boolean rowLevelSecurity;

    private RawJdbcConversations(Connection connection, String tenant, boolean rowLevelSecurity) {
        this.connection = connection;
        this.tenant = tenant;
        this.rowLevelSecurity = rowLevelSecurity;
    }

    /** As the table owner, with row-level security out of the way. */
    static RawJdbcConversations asOwner(Connection connection) {
        return new RawJdbcConversations(connection, "raw-owner", false);
    }

    /** As an ordinary role under row-level security, the tenant set per transaction. */
    static RawJdbcConversations underRowLevelSecurity(Connection connection) {
        return new RawJdbcConversations(connection, "raw-rls", true);
    }

    @Override
    public List<UUID> createConversations(int count) {
        List<UUID> ids = new ArrayList<>(count);
        try (PreparedStatement user = prepare(NEW_USER);
                PreparedStatement chat = prepare(NEW_CONVERSATION)) {
            for (int i = 0; i < count; i++) {
                UUID userId = UUID.randomUUID();
                UUID chatId = UUID.randomUUID();
                int at = bindTenant(user);
                user.setString(at, tenant);
                user.setObject(at + 1, userId);
                user.setString(at + 2, userId.toString());
                user.execute();
                at = bindTenant(chat);
                chat.setString(at, tenant);
                chat.setObject(at + 1, chatId);
                chat.setObject(at + 2, userId);
                chat.execute();
                ids.add(chatId);
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void appendOne(UUID conversation, String content, int tokens) {
        try (PreparedStatement append = prepare(APPEND)) {
            bindAppend(append, bindTenant(append), conversation, content, tokens);
            append.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JDBC batch; under row-level security inside a transaction that sets the tenant first. */
    @Override
    public void appendBatch(UUID conversation, List<String> contents, int tokensEach) {
        try {
            if (rowLevelSecurity) {
                connection.setAutoCommit(false);
                try (PreparedStatement setTenant = connection.prepareStatement(SET_TENANT.replace("; ", ""))) {
                    setTenant.setString(1, tenant);
                    setTenant.execute();
                }
            }
            try (PreparedStatement append = connection.prepareStatement(APPEND)) {
                for (String content : contents) {
                    bindAppend(append, 1, conversation, content, tokensEach);
                    append.addBatch();
                }
                append.executeBatch();
            }
            if (rowLevelSecurity) {
                connection.commit();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int readLast(UUID conversation, int count) {
        return read(LAST, conversation, count);
    }

    @Override
    public int readWindow(UUID conversation, int budget) {
        return read(WINDOW, 2, conversation, budget);
    }

    private int read(String sql, UUID conversation, int value) {
        return read(sql, 1, conversation, value);
    }

    /**
     * Runs a read of one conversation with the tenant and conversation bound {@code scopes} times, then one
     * integer parameter (a count or a budget); returns the rows.
     */
    private int read(String sql, int scopes, UUID conversation, int value) {
        try (PreparedStatement read = prepare(sql)) {
            int at = bindTenant(read);
            for (int scope = 0; scope < scopes; scope++, at += 2) {
                read.setString(at, tenant);
                read.setObject(at + 1, conversation);
            }
            read.setInt(at, value);
            return drain(read);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statement, preceded under row-level security by the tenant setting in the same round trip. */
    private PreparedStatement prepare(String sql) throws SQLException {
        return connection.prepareStatement(rowLevelSecurity ? SET_TENANT + sql : sql);
    }

    /** Binds the tenant setting if there is one; returns the index of the statement's first parameter. */
    private int bindTenant(PreparedStatement statement) throws SQLException {
        if (!rowLevelSecurity) {
            return 1;
        }
        statement.setString(1, tenant);
        return 2;
    }

    private void bindAppend(PreparedStatement append, int at, UUID conversation, String content, int tokens)
            throws SQLException {
        append.setString(at, tenant);
        append.setObject(at + 1, conversation);
        append.setString(at + 2, tenant);
        append.setObject(at + 3, conversation);
        append.setObject(at + 4, UUID.randomUUID());
        append.setString(at + 5, content);
        append.setInt(at + 6, tokens);
        append.setTimestamp(at + 7, Timestamp.from(Instant.now()));
    }

    /** Reads every column of every row of the query's result set (after set_config's, if any), as a caller would. */
    private int drain(PreparedStatement query) throws SQLException {
        boolean isResultSet = query.execute();
        if (rowLevelSecurity) {
            isResultSet = query.getMoreResults();
        }
        if (!isResultSet) {
            throw new IllegalStateException("the query returned no rows");
        }
        int rows = 0;
        try (ResultSet result = query.getResultSet()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int c = 1; c <= columns; c++) {
                    result.getObject(c);
                }
                rows++;
            }
        }
        return rows;
    }
}

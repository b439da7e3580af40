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
 * same keyset read and the same window function. No pool, no tenant setting, no mapping beyond reading columns.
 */
final class RawJdbcConversations implements ConversationWorkload {
    private static final String TENANT = "raw-jdbc";
    private static final String APPEND = "with reserved as (update agentstore.conversations"
            + " set last_sequence = last_sequence + 1 where tenant_id = ? and id = ? and status <> 'DELETED'"
            + " returning last_sequence)"
            + " insert into agentstore.messages (tenant_id, conversation_id, sequence, id, role, content, tool_calls,"
            + " token_count, metadata, created_at)"
            + " select ?, ?, last_sequence, ?, 'USER', ?, '[]', ?, '{}', ? from reserved";
    private static final String LAST = "select id, sequence, role, content, tool_calls, tool_call_id, model_id,"
            + " request_id, token_count, metadata, created_at from agentstore.messages"
            + " where tenant_id = ? and conversation_id = ? order by sequence desc limit ?";
    private static final String WINDOW = "select id, sequence, role, content, tool_calls, token_count, metadata,"
            + " created_at from (select *, sum(token_count) over (order by sequence desc rows unbounded preceding)"
            + " as running from agentstore.messages where tenant_id = ? and conversation_id = ?) w"
            + " where running - token_count <= ? order by sequence";

    private final Connection connection;

    RawJdbcConversations(Connection connection) {
        this.connection = connection;
    }

    @Override
    public List<UUID> createConversations(int count) {
        List<UUID> ids = new ArrayList<>(count);
        try (PreparedStatement user = connection.prepareStatement(
                        "insert into agentstore.users"
                                + " (tenant_id, id, channel, external_id, created_at, updated_at) values (?, ?, 'bench', ?, now(), now())");
                PreparedStatement chat = connection.prepareStatement("insert into agentstore.conversations"
                        + " (tenant_id, id, user_id, status, version, created_at, updated_at)"
                        + " values (?, ?, ?, 'ACTIVE', 1, now(), now())")) {
            for (int i = 0; i < count; i++) {
                UUID userId = UUID.randomUUID();
                UUID chatId = UUID.randomUUID();
                user.setString(1, TENANT);
                user.setObject(2, userId);
                user.setString(3, userId.toString());
                user.executeUpdate();
                chat.setString(1, TENANT);
                chat.setObject(2, chatId);
                chat.setObject(3, userId);
                chat.executeUpdate();
                ids.add(chatId);
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void appendOne(UUID conversation, String content, int tokens) {
        try (PreparedStatement append = connection.prepareStatement(APPEND)) {
            bindAppend(append, conversation, content, tokens);
            append.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void appendBatch(UUID conversation, List<String> contents, int tokensEach) {
        try (PreparedStatement append = connection.prepareStatement(APPEND)) {
            for (String content : contents) {
                bindAppend(append, conversation, content, tokensEach);
                append.addBatch();
            }
            append.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int readLast(UUID conversation, int count) {
        try (PreparedStatement last = connection.prepareStatement(LAST)) {
            last.setString(1, TENANT);
            last.setObject(2, conversation);
            last.setInt(3, count);
            return drain(last);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int readWindow(UUID conversation, int budget) {
        try (PreparedStatement window = connection.prepareStatement(WINDOW)) {
            window.setString(1, TENANT);
            window.setObject(2, conversation);
            window.setInt(3, budget);
            return drain(window);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bindAppend(PreparedStatement append, UUID conversation, String content, int tokens)
            throws SQLException {
        append.setString(1, TENANT);
        append.setObject(2, conversation);
        append.setString(3, TENANT);
        append.setObject(4, conversation);
        append.setObject(5, UUID.randomUUID());
        append.setString(6, content);
        append.setInt(7, tokens);
        append.setTimestamp(8, Timestamp.from(Instant.now()));
    }

    /** Reads every column of every row, as a caller would. */
    private static int drain(PreparedStatement query) throws SQLException {
        int rows = 0;
        try (ResultSet result = query.executeQuery()) {
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

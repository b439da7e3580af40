package dev.agentstore.benchmarks;

import dev.agentstore.postgres.spi.BinaryCopy;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Chat history written the raw way: binary COPY straight into {@code users}, {@code conversations} and
 * {@code messages} as the owner (no row-level security, no checks), in one transaction. One user per conversation,
 * every conversation of the same length, message {@code m} stamped {@code m} seconds after the start. The raw side
 * of the import benchmark, and how the scale benchmark grows its table.
 *
 * @param channel the users' channel
 * @param messages messages per conversation
 * @param roles the roles messages take in turn
 * @param content the text of message {@code m} of conversation {@code c}
 * @param tokens each message's token count
 * @param messageIds where message ids come from
 */
record OwnerHistoryCopy(
        String channel, int messages, List<String> roles, Content content, int tokens, Supplier<UUID> messageIds) {

    /** The text of one message. */
    @FunctionalInterface
    interface Content {
        String of(int conversation, int message);
    }

    /** Copies {@code users.get(i)} with conversation {@code chats.get(i)} and its messages into {@code tenant}. */
    void copy(PostgresDatabase database, String tenant, List<UUID> users, List<UUID> chats, Instant start)
            throws Exception {
        try (Connection owner = database.adminConnection()) {
            owner.setAutoCommit(false);
            BinaryCopy.copy(
                    owner,
                    "copy agentstore.users (tenant_id, id, channel, external_id, created_at, updated_at)"
                            + " from stdin (format binary)",
                    copy -> {
                        for (UUID user : users) {
                            copy.row(6)
                                    .text(tenant)
                                    .uuid(user)
                                    .text(channel)
                                    .text(user.toString())
                                    .timestamp(start)
                                    .timestamp(start);
                        }
                    });
            BinaryCopy.copy(
                    owner,
                    "copy agentstore.conversations (tenant_id, id, user_id, status, version, last_sequence,"
                            + " created_at, updated_at, last_activity_at) from stdin (format binary)",
                    copy -> {
                        for (int i = 0; i < chats.size(); i++) {
                            copy.row(9)
                                    .text(tenant)
                                    .uuid(chats.get(i))
                                    .uuid(users.get(i))
                                    .text("ACTIVE")
                                    .int8(1L)
                                    .int8((long) messages)
                                    .timestamp(start)
                                    .timestamp(start)
                                    .timestamp(start.plusSeconds(messages - 1));
                        }
                    });
            BinaryCopy.copy(
                    owner,
                    "copy agentstore.messages (tenant_id, conversation_id, sequence, id, role, content, token_count,"
                            + " created_at) from stdin (format binary)",
                    copy -> {
                        for (int i = 0; i < chats.size(); i++) {
                            for (int m = 0; m < messages; m++) {
                                copy.row(8)
                                        .text(tenant)
                                        .uuid(chats.get(i))
                                        .int8(m + 1L)
                                        .uuid(messageIds.get())
                                        .text(roles.get(m % roles.size()))
                                        .text(content.of(i, m))
                                        .int4(tokens)
                                        .timestamp(start.plusSeconds(m));
                            }
                        }
                    });
            owner.commit();
        }
    }
}

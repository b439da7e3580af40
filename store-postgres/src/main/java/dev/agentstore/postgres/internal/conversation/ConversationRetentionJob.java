package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGE_APPEND_KEYS;

import dev.agentstore.conversation.ConversationRetentionPolicy;
import dev.agentstore.conversation.ConversationRetentionReport;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.postgres.spi.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * One retention run over a tenant's conversations in PostgreSQL, as short transactions of at most a batch of rows each:
 * a conversation to remove loses its messages a batch at a time and then goes itself (taking its runs, feedback and
 * keys by cascade); a conversation kept loses its messages older than the cutoff a batch at a time, from its first
 * sequence on; expired idempotency keys go a batch at a time. Every batch checks again that its conversation still
 * qualifies, so an append or a restore between batches stops the removal of what it made current.
 */
final class ConversationRetentionJob {
    private final TenantSql sql;
    private final Clock clock;
    private final Duration idempotencyKeyTtl;

    ConversationRetentionJob(TenantSql sql, Clock clock, Duration idempotencyKeyTtl) {
        this.sql = sql;
        this.clock = clock;
        this.idempotencyKeyTtl = idempotencyKeyTtl;
    }

    ConversationRetentionReport apply(ConversationRetentionPolicy policy) {
        Instant now = Timestamps.now(clock);
        int batch = policy.batchSize();
        Removal purged = removeWhole(
                CONVERSATIONS
                        .STATUS
                        .eq(ConversationStatus.DELETED.name())
                        .and(CONVERSATIONS.DELETED_AT.le(now.minus(policy.purgeDeletedAfter()))),
                batch);
        Removal expired = Removal.NONE;
        long trimmed = 0;
        if (policy.keepMessagesFor() != null) {
            Instant cutoff = now.minus(policy.keepMessagesFor());
            expired = removeWhole(CONVERSATIONS.LAST_ACTIVITY_AT.lt(cutoff), batch);
            trimmed = trimOlderThan(cutoff, batch);
        }
        long keys = removeExpiredKeys(now.minus(idempotencyKeyTtl), batch);
        return new ConversationRetentionReport(
                purged.conversations(),
                expired.conversations(),
                purged.messages() + expired.messages() + trimmed,
                keys);
    }

    /** Conversations and messages removed by one step. */
    private record Removal(long conversations, long messages) {
        static final Removal NONE = new Removal(0, 0);
    }

    /** Removes every conversation {@code which} selects: its messages batch by batch, then itself. */
    private Removal removeWhole(Condition which, int batch) {
        long conversations = 0;
        long messages = 0;
        UUID after = null;
        while (true) {
            List<UUID> ids = nextConversations(which, after, batch);
            for (UUID id : ids) {
                Condition stillDue = CONVERSATIONS
                        .TENANT_ID
                        .eq(sql.tenant())
                        .and(CONVERSATIONS.ID.eq(id))
                        .and(which);
                messages += deleteMessagesInBatches(id, DSL.trueCondition(), stillDue, batch);
                conversations += execute(DSL.deleteFrom(CONVERSATIONS).where(stillDue));
            }
            if (ids.size() < batch) {
                return new Removal(conversations, messages);
            }
            after = ids.getLast();
        }
    }

    /**
     * Removes the messages appended before {@code cutoff} of conversations active since whose first message is older:
     * one probe of the primary key per conversation finds them, so conversations trimmed by an earlier run cost
     * nothing more.
     */
    private long trimOlderThan(Instant cutoff, int batch) {
        Field<Instant> firstMessageAt = DSL.field(DSL.select(MESSAGES.CREATED_AT)
                .from(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(CONVERSATIONS.TENANT_ID), MESSAGES.CONVERSATION_ID.eq(CONVERSATIONS.ID))
                .orderBy(MESSAGES.SEQUENCE)
                .limit(1));
        Condition begunBefore = CONVERSATIONS
                .CREATED_AT
                .lt(cutoff)
                .and(CONVERSATIONS.LAST_ACTIVITY_AT.ge(cutoff))
                .and(firstMessageAt.lt(cutoff));
        long messages = 0;
        UUID after = null;
        while (true) {
            List<UUID> ids = nextConversations(begunBefore, after, batch);
            for (UUID id : ids) {
                Condition exists = CONVERSATIONS.TENANT_ID.eq(sql.tenant()).and(CONVERSATIONS.ID.eq(id));
                messages += deleteMessagesInBatches(id, MESSAGES.CREATED_AT.lt(cutoff), exists, batch);
            }
            if (ids.size() < batch) {
                return messages;
            }
            after = ids.getLast();
        }
    }

    /** The next batch of the tenant's conversations {@code which} selects, by id after {@code after}. */
    private List<UUID> nextConversations(Condition which, UUID after, int batch) {
        Condition condition = CONVERSATIONS.TENANT_ID.eq(sql.tenant()).and(which);
        if (after != null) {
            condition = condition.and(CONVERSATIONS.ID.gt(after));
        }
        return sql.primaryReads()
                .query(
                        DSL.select(CONVERSATIONS.ID)
                                .from(CONVERSATIONS)
                                .where(condition)
                                .orderBy(CONVERSATIONS.ID)
                                .limit(batch),
                        row -> row.getObject(1, UUID.class));
    }

    /**
     * Deletes the conversation's messages that {@code old} selects, from its first sequence on, a batch per
     * transaction, while its conversation row passes {@code conversationDue}. Appends are stamped in order, so the old
     * messages lead: a batch that deletes fewer than it looked at has reached the first one kept.
     */
    private long deleteMessagesInBatches(UUID conversationId, Condition old, Condition conversationDue, int batch) {
        Condition inConversation = MESSAGES.TENANT_ID.eq(sql.tenant()).and(MESSAGES.CONVERSATION_ID.eq(conversationId));
        long deleted = 0;
        while (true) {
            int count = execute(DSL.deleteFrom(MESSAGES)
                    .where(inConversation)
                    .and(MESSAGES.SEQUENCE.in(DSL.select(MESSAGES.SEQUENCE)
                            .from(MESSAGES)
                            .where(inConversation)
                            .orderBy(MESSAGES.SEQUENCE)
                            .limit(batch)))
                    .and(old)
                    .andExists(DSL.selectOne().from(CONVERSATIONS).where(conversationDue)));
            deleted += count;
            if (count < batch) {
                return deleted;
            }
        }
    }

    /** Deletes the tenant's idempotency keys claimed at or before {@code claimedBy}, a batch per transaction. */
    private long removeExpiredKeys(Instant claimedBy, int batch) {
        Condition expired =
                MESSAGE_APPEND_KEYS.TENANT_ID.eq(sql.tenant()).and(MESSAGE_APPEND_KEYS.CREATED_AT.le(claimedBy));
        long removed = 0;
        while (true) {
            int count = execute(DSL.deleteFrom(MESSAGE_APPEND_KEYS)
                    .where(DSL.row(MESSAGE_APPEND_KEYS.CONVERSATION_ID, MESSAGE_APPEND_KEYS.IDEMPOTENCY_KEY)
                            .in(DSL.select(MESSAGE_APPEND_KEYS.CONVERSATION_ID, MESSAGE_APPEND_KEYS.IDEMPOTENCY_KEY)
                                    .from(MESSAGE_APPEND_KEYS)
                                    .where(expired)
                                    .limit(batch)))
                    .and(expired));
            removed += count;
            if (count < batch) {
                return removed;
            }
        }
    }

    /** Runs one statement as its own short transaction of the tenant; returns the rows it changed. */
    private int execute(Query statement) {
        return sql.transaction((connection, dsl) -> {
            statement.attach(dsl.configuration());
            return statement.execute();
        });
    }
}

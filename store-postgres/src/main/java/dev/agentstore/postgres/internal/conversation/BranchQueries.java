package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATION_BRANCHES;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;

import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.ContextWindow;
import dev.agentstore.conversation.ConversationBranch;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.Message;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.postgres.spi.Timestamps;
import dev.agentstore.spi.BranchLineage;
import dev.agentstore.spi.ContextWindowPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A conversation's branches ({@link BranchLineage}): forking a new current branch, switching the current one, and
 * reading any branch. A fork or a switch is one transaction holding the conversation's row that moves the {@code live}
 * flag on the messages after the point where the old and new lines part, so the current branch's reads stay the hot
 * paths they were; reading another branch selects its messages by branch and sequence bounds.
 */
final class BranchQueries {
    private final TenantSql sql;
    private final Clock clock;
    private final MessageQueries messages;
    private final ContextWindowQuery windows;

    BranchQueries(TenantSql sql, Clock clock, MessageQueries messages, ContextWindowQuery windows) {
        this.sql = sql;
        this.clock = clock;
        this.messages = messages;
        this.windows = windows;
    }

    ConversationBranch fork(UUID conversationId, UUID parentMessageId) {
        Instant now = Timestamps.now(clock);
        return sql.transaction((connection, tx) -> {
            LockedConversation c = LockedConversation.lock(tx, sql.tenant(), conversationId);
            long parentSequence = 0;
            if (parentMessageId != null) {
                Long sequence = tx.select(MESSAGES.SEQUENCE)
                        .from(MESSAGES)
                        .where(inConversation(conversationId), MESSAGES.LIVE.isTrue(), MESSAGES.ID.eq(parentMessageId))
                        .fetchOne(MESSAGES.SEQUENCE);
                if (sequence == null) {
                    throw new NotFoundException("no message with id " + parentMessageId
                            + " in the current branch of conversation " + conversationId);
                }
                parentSequence = sequence;
            }
            int number = c.lastBranch() + 1;
            tx.insertInto(CONVERSATION_BRANCHES)
                    .set(CONVERSATION_BRANCHES.TENANT_ID, sql.tenant())
                    .set(CONVERSATION_BRANCHES.CONVERSATION_ID, conversationId)
                    .set(CONVERSATION_BRANCHES.NUMBER, number)
                    .set(CONVERSATION_BRANCHES.PARENT_NUMBER, c.currentBranch())
                    .set(CONVERSATION_BRANCHES.PARENT_SEQUENCE, parentSequence)
                    .set(CONVERSATION_BRANCHES.PARENT_MESSAGE_ID, parentMessageId)
                    .set(CONVERSATION_BRANCHES.CREATED_AT, now)
                    .execute();
            // the new branch holds the current one's messages up to the parent, and none of its own yet
            tx.update(MESSAGES)
                    .set(MESSAGES.LIVE, false)
                    .where(inConversation(conversationId), MESSAGES.LIVE.isTrue(), MESSAGES.SEQUENCE.gt(parentSequence))
                    .execute();
            makeCurrent(tx, conversationId, number);
            return new ConversationBranch(number, c.currentBranch(), parentMessageId, parentSequence, true, now);
        });
    }

    ConversationBranch switchTo(UUID conversationId, int number) {
        return sql.transaction((connection, tx) -> {
            LockedConversation c = LockedConversation.lock(tx, sql.tenant(), conversationId);
            List<ConversationBranch> branches = fetchBranches(tx, conversationId);
            BranchLineage target = lineage(branches, conversationId, number);
            BranchLineage from = lineage(branches, conversationId, c.currentBranch());
            Field<Boolean> inTarget = DSL.field(MESSAGES.DELETED_AT.isNull().and(in(target)));
            tx.update(MESSAGES)
                    .set(MESSAGES.LIVE, inTarget)
                    .where(
                            inConversation(conversationId),
                            MESSAGES.SEQUENCE.gt(from.sharedUpTo(target)),
                            MESSAGES.LIVE.isDistinctFrom(inTarget))
                    .execute();
            makeCurrent(tx, conversationId, number);
            ConversationBranch b = branch(branches, number);
            return new ConversationBranch(
                    b.number(), b.parentBranch(), b.parentMessageId(), b.parentSequence(), true, b.createdAt());
        });
    }

    /** The conversation's branches, main first, or {@link NotFoundException}. */
    List<ConversationBranch> branches(UUID conversationId) {
        return sql.transaction((connection, tx) -> fetchBranches(tx, conversationId));
    }

    Page<Message> history(UUID conversationId, int number, HistoryOrder order, PageRequest page) {
        List<ConversationBranch> branches = branches(conversationId);
        BranchLineage lineage = lineage(branches, conversationId, number);
        return branch(branches, number).current()
                ? messages.history(conversationId, order, page)
                : messages.history(conversationId, ofBranch(conversationId, lineage), order, page);
    }

    /**
     * The window of a branch: the current one's through the hot path; another's from its whole history, a branch
     * read for review rather than for every model call.
     */
    ContextWindow contextWindow(UUID conversationId, int number, int budget) {
        List<ConversationBranch> branches = branches(conversationId);
        BranchLineage lineage = lineage(branches, conversationId, number);
        if (branch(branches, number).current()) {
            return windows.select(conversationId, budget).orElseGet(() -> new ContextWindow(List.of(), 0, false));
        }
        List<Message> history = sql.reads()
                .query(
                        DSL.select(MessageReader.IN_CONVERSATION)
                                .from(MESSAGES)
                                .where(ofBranch(conversationId, lineage))
                                .orderBy(MESSAGES.SEQUENCE),
                        MessageReader.inConversation(conversationId));
        return ContextWindowPolicy.select(history, budget);
    }

    private List<ConversationBranch> fetchBranches(DSLContext tx, UUID conversationId) {
        ResultQuery<?> query = tx.select(
                        CONVERSATIONS.CREATED_AT,
                        CONVERSATIONS.CURRENT_BRANCH,
                        CONVERSATION_BRANCHES.NUMBER,
                        CONVERSATION_BRANCHES.PARENT_NUMBER,
                        CONVERSATION_BRANCHES.PARENT_MESSAGE_ID,
                        CONVERSATION_BRANCHES.PARENT_SEQUENCE,
                        CONVERSATION_BRANCHES.CREATED_AT)
                .from(CONVERSATIONS)
                .leftJoin(CONVERSATION_BRANCHES)
                .on(
                        CONVERSATION_BRANCHES.TENANT_ID.eq(CONVERSATIONS.TENANT_ID),
                        CONVERSATION_BRANCHES.CONVERSATION_ID.eq(CONVERSATIONS.ID))
                .where(CONVERSATIONS.TENANT_ID.eq(sql.tenant()), CONVERSATIONS.ID.eq(conversationId))
                .orderBy(CONVERSATION_BRANCHES.NUMBER.asc().nullsFirst());
        var rows = query.fetch();
        if (rows.isEmpty()) {
            throw new NotFoundException("no conversation with id " + conversationId);
        }
        int current = rows.getFirst().get(CONVERSATIONS.CURRENT_BRANCH);
        Instant created = rows.getFirst()
                .get(CONVERSATIONS.CREATED_AT, OffsetDateTime.class)
                .toInstant();
        var main = new ConversationBranch(
                ConversationBranch.MAIN, -1, null, 0, current == ConversationBranch.MAIN, created);
        var forks = rows.stream()
                .filter(r -> r.get(CONVERSATION_BRANCHES.NUMBER) != null)
                .map(r -> new ConversationBranch(
                        r.get(CONVERSATION_BRANCHES.NUMBER),
                        r.get(CONVERSATION_BRANCHES.PARENT_NUMBER),
                        r.get(CONVERSATION_BRANCHES.PARENT_MESSAGE_ID),
                        r.get(CONVERSATION_BRANCHES.PARENT_SEQUENCE),
                        r.get(CONVERSATION_BRANCHES.NUMBER) == current,
                        r.get(CONVERSATION_BRANCHES.CREATED_AT, OffsetDateTime.class)
                                .toInstant()));
        return Stream.concat(Stream.of(main), forks).toList();
    }

    private void makeCurrent(DSLContext tx, UUID conversationId, int number) {
        tx.update(CONVERSATIONS)
                .set(CONVERSATIONS.CURRENT_BRANCH, number)
                .set(CONVERSATIONS.LAST_BRANCH, DSL.greatest(CONVERSATIONS.LAST_BRANCH, DSL.val(number)))
                .where(CONVERSATIONS.TENANT_ID.eq(sql.tenant()), CONVERSATIONS.ID.eq(conversationId))
                .execute();
    }

    private static BranchLineage lineage(List<ConversationBranch> branches, UUID conversationId, int number) {
        return BranchLineage.of(branches, number)
                .orElseThrow(() -> new NotFoundException("no branch " + number + " in conversation " + conversationId));
    }

    private static ConversationBranch branch(List<ConversationBranch> branches, int number) {
        return branches.stream().filter(b -> b.number() == number).findFirst().orElseThrow();
    }

    /** The messages of {@code lineage}'s branch, without tombstones. */
    private Condition ofBranch(UUID conversationId, BranchLineage lineage) {
        return inConversation(conversationId).and(MESSAGES.DELETED_AT.isNull()).and(in(lineage));
    }

    /** Whether a message is in {@code lineage}: its branch is, at a sequence up to where the lineage leaves it. */
    private static Condition in(BranchLineage lineage) {
        Integer[] branches = Arrays.stream(lineage.branches()).boxed().toArray(Integer[]::new);
        Long[] upTo = Arrays.stream(lineage.upToSequences()).boxed().toArray(Long[]::new);
        return MESSAGES.SEQUENCE.le(DSL.field(
                "coalesce(({0})[array_position({1}, {2})], 0)",
                SQLDataType.BIGINT,
                DSL.val(upTo, SQLDataType.BIGINT.array()),
                DSL.val(branches, SQLDataType.INTEGER.array()),
                MESSAGES.BRANCH));
    }

    private Condition inConversation(UUID conversationId) {
        return MESSAGES.TENANT_ID.eq(sql.tenant()).and(MESSAGES.CONVERSATION_ID.eq(conversationId));
    }
}

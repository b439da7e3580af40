package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATION_BRANCHES;
import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATION_SUMMARIES;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.ConversationBranch;
import dev.agentstore.conversation.ConversationSummary;
import dev.agentstore.conversation.NewSummary;
import dev.agentstore.conversation.SummaryRepository;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.postgres.spi.Timestamps;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The conversation summaries of one tenant in {@code conversation_summaries}. Recording one locks its
 * conversation's row (no key update, so appends' foreign-key checks are not held up) to number it and check it
 * against the conversation's last sequence and the branch's latest summary, then inserts it, in one transaction.
 */
public final class PostgresSummaries implements SummaryRepository {
    private final TenantSql sql;
    private final Clock clock;

    /** The summaries of {@code sql}'s tenant. */
    public PostgresSummaries(TenantSql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public ConversationSummary record(UUID conversationId, NewSummary summary) {
        return sql.transaction((connection, dsl) -> {
            Long last = dsl.select(CONVERSATIONS.LAST_SEQUENCE)
                    .from(CONVERSATIONS)
                    .where(CONVERSATIONS.TENANT_ID.eq(sql.tenant()), CONVERSATIONS.ID.eq(conversationId))
                    .forNoKeyUpdate()
                    .fetchOne(CONVERSATIONS.LAST_SEQUENCE);
            if (last == null) {
                throw new NotFoundException("no conversation with id " + conversationId);
            }
            boolean branchExists = summary.branch() == ConversationBranch.MAIN
                    || dsl.fetchExists(
                            CONVERSATION_BRANCHES,
                            CONVERSATION_BRANCHES.TENANT_ID.eq(sql.tenant()),
                            CONVERSATION_BRANCHES.CONVERSATION_ID.eq(conversationId),
                            CONVERSATION_BRANCHES.NUMBER.eq(summary.branch()));
            if (!branchExists) {
                throw new NotFoundException("conversation " + conversationId + " has no branch " + summary.branch());
            }
            if (summary.coversThrough() > last) {
                throw new InvalidInputException(
                        "summary.coversThrough",
                        "must be at most the conversation's last message sequence, " + last + ", but was "
                                + summary.coversThrough());
            }
            Record furthest = dsl.select(CONVERSATION_SUMMARIES.NUMBER, CONVERSATION_SUMMARIES.COVERS_THROUGH)
                    .from(CONVERSATION_SUMMARIES)
                    .where(
                            of(conversationId),
                            CONVERSATION_SUMMARIES.BRANCH.eq(summary.branch()),
                            CONVERSATION_SUMMARIES.COVERS_THROUGH.gt(summary.coversThrough()))
                    .limit(1)
                    .fetchOne();
            if (furthest != null) {
                throw new ConflictException("summary " + furthest.get(CONVERSATION_SUMMARIES.NUMBER) + " of branch "
                        + summary.branch() + " already covers through "
                        + furthest.get(CONVERSATION_SUMMARIES.COVERS_THROUGH));
            }
            Integer previous = dsl.select(DSL.max(CONVERSATION_SUMMARIES.NUMBER))
                    .from(CONVERSATION_SUMMARIES)
                    .where(of(conversationId))
                    .fetchOne(0, Integer.class);
            return summary(dsl.insertInto(CONVERSATION_SUMMARIES)
                    .set(CONVERSATION_SUMMARIES.TENANT_ID, sql.tenant())
                    .set(CONVERSATION_SUMMARIES.CONVERSATION_ID, conversationId)
                    .set(CONVERSATION_SUMMARIES.NUMBER, previous == null ? 1 : previous + 1)
                    .set(CONVERSATION_SUMMARIES.BRANCH, summary.branch())
                    .set(CONVERSATION_SUMMARIES.COVERS_THROUGH, summary.coversThrough())
                    .set(CONVERSATION_SUMMARIES.CONTENT, summary.content())
                    .set(CONVERSATION_SUMMARIES.TOKEN_COUNT, summary.tokenCount())
                    .set(CONVERSATION_SUMMARIES.CREATED_AT, Timestamps.now(clock))
                    .returning()
                    .fetchOne());
        });
    }

    @Override
    public Optional<ConversationSummary> latest(UUID conversationId, int branch) {
        return sql
                .reads()
                .fetch(DSL.select(CONVERSATION_SUMMARIES.fields())
                        .from(CONVERSATION_SUMMARIES)
                        .where(of(conversationId), CONVERSATION_SUMMARIES.BRANCH.eq(branch))
                        .orderBy(CONVERSATION_SUMMARIES.NUMBER.desc())
                        .limit(1))
                .stream()
                .findFirst()
                .map(PostgresSummaries::summary);
    }

    @Override
    public List<ConversationSummary> history(UUID conversationId) {
        return sql.replicaReads()
                .fetch(DSL.select(CONVERSATION_SUMMARIES.fields())
                        .from(CONVERSATION_SUMMARIES)
                        .where(of(conversationId))
                        .orderBy(CONVERSATION_SUMMARIES.NUMBER))
                .map(PostgresSummaries::summary);
    }

    private Condition of(UUID conversationId) {
        return DSL.and(
                CONVERSATION_SUMMARIES.TENANT_ID.eq(sql.tenant()),
                CONVERSATION_SUMMARIES.CONVERSATION_ID.eq(conversationId));
    }

    private static ConversationSummary summary(Record r) {
        return new ConversationSummary(
                r.get(CONVERSATION_SUMMARIES.CONVERSATION_ID),
                r.get(CONVERSATION_SUMMARIES.NUMBER),
                r.get(CONVERSATION_SUMMARIES.BRANCH),
                r.get(CONVERSATION_SUMMARIES.COVERS_THROUGH),
                r.get(CONVERSATION_SUMMARIES.CONTENT),
                r.get(CONVERSATION_SUMMARIES.TOKEN_COUNT),
                r.get(CONVERSATION_SUMMARIES.CREATED_AT));
    }
}

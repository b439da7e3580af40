package dev.agentstore.postgres.internal.feedback;

import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGE_FEEDBACK;

import dev.agentstore.NotFoundException;
import dev.agentstore.feedback.Feedback;
import dev.agentstore.feedback.FeedbackRepository;
import dev.agentstore.feedback.FeedbackStats;
import dev.agentstore.feedback.NewFeedback;
import dev.agentstore.postgres.spi.PostgresErrors;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.postgres.spi.Timestamps;
import dev.agentstore.spi.Ids;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Feedback of one tenant. Giving it is one upsert on the partial unique index of its kind (per message, or per
 * conversation), so a second feedback replaces the first even when both race; aggregates run in SQL.
 */
public final class PostgresFeedbackRepository implements FeedbackRepository {
    private static final Field<Long> POSITIVE =
            DSL.count().filterWhere(MESSAGE_FEEDBACK.RATING.ge((short) 4)).cast(Long.class);
    private static final Field<Long> NEGATIVE =
            DSL.count().filterWhere(MESSAGE_FEEDBACK.RATING.le((short) 2)).cast(Long.class);

    private final TenantSql sql;
    private final Clock clock;

    /** The feedback of {@code sql}'s tenant. */
    public PostgresFeedbackRepository(TenantSql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public Feedback give(NewFeedback given) {
        String model = given.messageId() == null ? null : modelOf(given);
        Instant now = Timestamps.now(clock);
        var insert = DSL.insertInto(MESSAGE_FEEDBACK)
                .set(MESSAGE_FEEDBACK.TENANT_ID, sql.tenant())
                .set(MESSAGE_FEEDBACK.ID, Ids.newId(clock))
                .set(MESSAGE_FEEDBACK.USER_ID, given.userId())
                .set(MESSAGE_FEEDBACK.CONVERSATION_ID, given.conversationId())
                .set(MESSAGE_FEEDBACK.MESSAGE_ID, given.messageId())
                .set(MESSAGE_FEEDBACK.RATING, (short) given.rating())
                .set(MESSAGE_FEEDBACK.COMMENT, given.comment())
                .set(MESSAGE_FEEDBACK.MODEL, model)
                .set(MESSAGE_FEEDBACK.CREATED_AT, now)
                .set(MESSAGE_FEEDBACK.UPDATED_AT, now);
        var target = given.messageId() == null
                ? insert.onConflict(
                                MESSAGE_FEEDBACK.TENANT_ID, MESSAGE_FEEDBACK.USER_ID, MESSAGE_FEEDBACK.CONVERSATION_ID)
                        .where(MESSAGE_FEEDBACK.MESSAGE_ID.isNull())
                : insert.onConflict(MESSAGE_FEEDBACK.TENANT_ID, MESSAGE_FEEDBACK.USER_ID, MESSAGE_FEEDBACK.MESSAGE_ID)
                        .where(MESSAGE_FEEDBACK.MESSAGE_ID.isNotNull());
        try {
            return feedback(sql.fetch(
                            target.doUpdate()
                                    .set(MESSAGE_FEEDBACK.RATING, DSL.excluded(MESSAGE_FEEDBACK.RATING))
                                    .set(MESSAGE_FEEDBACK.COMMENT, DSL.excluded(MESSAGE_FEEDBACK.COMMENT))
                                    .set(MESSAGE_FEEDBACK.MODEL, DSL.excluded(MESSAGE_FEEDBACK.MODEL))
                                    .set(MESSAGE_FEEDBACK.UPDATED_AT, DSL.excluded(MESSAGE_FEEDBACK.UPDATED_AT))
                                    .returning(),
                            MESSAGE_FEEDBACK.fields())
                    .get(0));
        } catch (NotFoundException e) {
            boolean user = PostgresErrors.violates(e, "message_feedback_tenant_id_user_id_fkey");
            throw new NotFoundException(
                    user ? "no user with id " + given.userId() : "no conversation with id " + given.conversationId(),
                    e);
        }
    }

    @Override
    public Optional<Feedback> find(UUID userId, UUID conversationId, UUID messageId) {
        Condition target =
                messageId == null ? MESSAGE_FEEDBACK.MESSAGE_ID.isNull() : MESSAGE_FEEDBACK.MESSAGE_ID.eq(messageId);
        return sql
                .reads()
                .fetch(
                        DSL.selectFrom(MESSAGE_FEEDBACK)
                                .where(
                                        MESSAGE_FEEDBACK.TENANT_ID.eq(sql.tenant()),
                                        MESSAGE_FEEDBACK.USER_ID.eq(userId),
                                        MESSAGE_FEEDBACK.CONVERSATION_ID.eq(conversationId),
                                        target),
                        MESSAGE_FEEDBACK.fields())
                .stream()
                .findFirst()
                .map(PostgresFeedbackRepository::feedback);
    }

    @Override
    public List<Feedback> ofConversation(UUID conversationId) {
        return sql.replicaReads()
                .fetch(
                        DSL.selectFrom(MESSAGE_FEEDBACK)
                                .where(
                                        MESSAGE_FEEDBACK.TENANT_ID.eq(sql.tenant()),
                                        MESSAGE_FEEDBACK.CONVERSATION_ID.eq(conversationId))
                                .orderBy(MESSAGE_FEEDBACK.ID),
                        MESSAGE_FEEDBACK.fields())
                .map(PostgresFeedbackRepository::feedback);
    }

    @Override
    public boolean withdraw(UUID feedbackId) {
        return !sql.fetch(DSL.deleteFrom(MESSAGE_FEEDBACK)
                        .where(MESSAGE_FEEDBACK.TENANT_ID.eq(sql.tenant()), MESSAGE_FEEDBACK.ID.eq(feedbackId))
                        .returningResult(MESSAGE_FEEDBACK.ID))
                .isEmpty();
    }

    @Override
    public SortedMap<String, FeedbackStats> byModel(Instant from, Instant to) {
        SortedMap<String, FeedbackStats> stats = new TreeMap<>();
        sql.replicaReads()
                .fetch(DSL.select(
                                MESSAGE_FEEDBACK.MODEL,
                                DSL.count(),
                                DSL.avg(MESSAGE_FEEDBACK.RATING),
                                POSITIVE,
                                NEGATIVE)
                        .from(MESSAGE_FEEDBACK)
                        .where(within(from, to), MESSAGE_FEEDBACK.MODEL.isNotNull())
                        .groupBy(MESSAGE_FEEDBACK.MODEL))
                .forEach(r -> stats.put(r.get(0, String.class), stats(r)));
        return stats;
    }

    @Override
    public SortedMap<LocalDate, FeedbackStats> byDay(Instant from, Instant to) {
        Field<LocalDate> day =
                DSL.field("({0} at time zone 'UTC')::date", SQLDataType.LOCALDATE, MESSAGE_FEEDBACK.UPDATED_AT);
        SortedMap<LocalDate, FeedbackStats> stats = new TreeMap<>();
        sql.replicaReads()
                .fetch(DSL.select(day, DSL.count(), DSL.avg(MESSAGE_FEEDBACK.RATING), POSITIVE, NEGATIVE)
                        .from(MESSAGE_FEEDBACK)
                        .where(within(from, to))
                        .groupBy(day))
                .forEach(r -> stats.put(r.get(0, LocalDate.class), stats(r)));
        return stats;
    }

    /** The model that wrote the rated message (or null), which must be in the conversation. */
    private String modelOf(NewFeedback given) {
        Record message = sql
                .primaryReads()
                .fetch(DSL.select(MESSAGES.MODEL_ID)
                        .from(MESSAGES)
                        .where(
                                MESSAGES.TENANT_ID.eq(sql.tenant()),
                                MESSAGES.CONVERSATION_ID.eq(given.conversationId()),
                                MESSAGES.ID.eq(given.messageId())))
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(
                        "no message with id " + given.messageId() + " in conversation " + given.conversationId()));
        return message.get(MESSAGES.MODEL_ID);
    }

    private Condition within(Instant from, Instant to) {
        return MESSAGE_FEEDBACK
                .TENANT_ID
                .eq(sql.tenant())
                .and(MESSAGE_FEEDBACK.UPDATED_AT.ge(from))
                .and(MESSAGE_FEEDBACK.UPDATED_AT.lt(to));
    }

    private static FeedbackStats stats(Record r) {
        BigDecimal average = r.get(2, BigDecimal.class);
        return new FeedbackStats(
                r.get(1, Long.class),
                average == null ? 0 : average.doubleValue(),
                r.get(3, Long.class),
                r.get(4, Long.class));
    }

    private static Feedback feedback(Record r) {
        return new Feedback(
                r.get(MESSAGE_FEEDBACK.ID),
                r.get(MESSAGE_FEEDBACK.USER_ID),
                r.get(MESSAGE_FEEDBACK.CONVERSATION_ID),
                r.get(MESSAGE_FEEDBACK.MESSAGE_ID),
                r.get(MESSAGE_FEEDBACK.RATING),
                r.get(MESSAGE_FEEDBACK.COMMENT),
                r.get(MESSAGE_FEEDBACK.MODEL),
                r.get(MESSAGE_FEEDBACK.CREATED_AT),
                r.get(MESSAGE_FEEDBACK.UPDATED_AT));
    }
}

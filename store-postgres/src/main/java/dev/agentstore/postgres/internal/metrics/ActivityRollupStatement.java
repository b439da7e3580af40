package dev.agentstore.postgres.internal.metrics;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.DAILY_ACTIVITY;
import static dev.agentstore.postgres.internal.jooq.Tables.LLM_METRICS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGE_FEEDBACK;
import static dev.agentstore.postgres.internal.jooq.Tables.MODELS;

import dev.agentstore.metrics.ActivityDimension;
import dev.agentstore.metrics.DailyActivity;
import dev.agentstore.postgres.spi.TenantSql;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The activity rollup of one UTC day in SQL, and reads of its rows. One transaction deletes the day's rows and
 * inserts them again, one statement per dimension: the conversations active since the day began (through the
 * activity index), their messages created that day (through the primary key), the day's LLM metrics and feedback
 * joined to their conversations by key, and the models' pricing, aggregated per agent or per user.
 */
final class ActivityRollupStatement {
    /** The subject of the agent row of conversations without an agent. */
    static final UUID NO_AGENT = new UUID(0, 0);

    private static final String STATEMENT = "with convs as ("
            + " select c.id, c.user_id, c.session_id, c.created_at, {11} as subject"
            + " from {0} c where c.tenant_id = {6} and c.last_activity_at >= {7}),"
            + " msgs as (select cv.subject, cv.id as conversation_id, cv.user_id, cv.session_id, m.role, m.token_count"
            + " from convs cv join {1} m on m.tenant_id = {6} and m.conversation_id = cv.id"
            + " where m.created_at >= {7} and m.created_at < {8}),"
            + " msg_stats as (select subject, count(distinct conversation_id) as active,"
            + " count(distinct session_id) as sessions, count(*) as messages,"
            + " count(*) filter (where role = 'USER') as user_messages,"
            + " count(*) filter (where role = 'ASSISTANT') as assistant_messages, sum(token_count) as tokens,"
            + " count(distinct user_id) filter (where role = 'USER') as active_users from msgs group by subject),"
            + " new_convs as (select subject, count(*) as n from convs"
            + " where created_at >= {7} and created_at < {8} group by subject),"
            + " llm as (select {11} as subject, l.model, count(*) as requests, sum(l.prompt_tokens) as prompt,"
            + " sum(l.completion_tokens) as completion"
            + " from {2} l join {0} c on c.tenant_id = {6} and c.id = l.conversation_id"
            + " where l.tenant_id = {6} and l.recorded_at >= {7} and l.recorded_at < {8} group by 1, 2),"
            + " llm_stats as (select subject, sum(requests) as requests, sum(prompt + completion) as tokens"
            + " from llm group by subject),"
            + " costs as (select subject, jsonb_object_agg(currency, amount::text) as by_currency from ("
            + " select l.subject, m.price_currency as currency,"
            + " sum((m.input_price_per_1k * l.prompt + m.output_price_per_1k * l.completion) / 1000) as amount"
            + " from llm l join {4} m on m.tenant_id = {6} and m.name = l.model"
            + " where m.input_price_per_1k is not null group by 1, 2) as priced group by subject),"
            + " fb as (select {11} as subject, count(*) as ratings, avg(f.rating)::float8 as average"
            + " from {3} f join {0} c on c.tenant_id = {6} and c.id = f.conversation_id"
            + " where f.tenant_id = {6} and f.updated_at >= {7} and f.updated_at < {8} group by 1),"
            + " subjects as (select subject from msg_stats union select subject from new_convs"
            + " union select subject from llm_stats union select subject from fb)"
            + " insert into {5} (tenant_id, dimension, subject_id, day, user_id, active_conversations,"
            + " new_conversations, sessions, messages, user_messages, assistant_messages, message_tokens, active_users,"
            + " llm_requests, llm_tokens, cost_by_currency, ratings, average_rating, computed_at)"
            + " select {6}, {10}, s.subject, {9}, {12}, coalesce(ms.active, 0), coalesce(nc.n, 0),"
            + " coalesce(ms.sessions, 0), coalesce(ms.messages, 0), coalesce(ms.user_messages, 0),"
            + " coalesce(ms.assistant_messages, 0), coalesce(ms.tokens, 0), coalesce(ms.active_users, 0),"
            + " coalesce(ls.requests, 0), coalesce(ls.tokens, 0), coalesce(co.by_currency, jsonb_build_object()),"
            + " coalesce(fb.ratings, 0), fb.average, {13}"
            + " from subjects s left join msg_stats ms using (subject) left join new_convs nc using (subject)"
            + " left join llm_stats ls using (subject) left join costs co using (subject) left join fb using (subject)"
            + " returning {14}";

    /** The stored columns a row is read from. */
    private static final List<Field<?>> ROW = List.of(
            DAILY_ACTIVITY.DIMENSION,
            DAILY_ACTIVITY.SUBJECT_ID,
            DAILY_ACTIVITY.DAY,
            DAILY_ACTIVITY.ACTIVE_CONVERSATIONS,
            DAILY_ACTIVITY.NEW_CONVERSATIONS,
            DAILY_ACTIVITY.SESSIONS,
            DAILY_ACTIVITY.MESSAGES,
            DAILY_ACTIVITY.USER_MESSAGES,
            DAILY_ACTIVITY.ASSISTANT_MESSAGES,
            DAILY_ACTIVITY.MESSAGE_TOKENS,
            DAILY_ACTIVITY.ACTIVE_USERS,
            DAILY_ACTIVITY.LLM_REQUESTS,
            DAILY_ACTIVITY.LLM_TOKENS,
            DAILY_ACTIVITY.COST_BY_CURRENCY,
            DAILY_ACTIVITY.RATINGS,
            DAILY_ACTIVITY.AVERAGE_RATING);

    private ActivityRollupStatement() {}

    /** Replaces the stored rows of {@code day} with freshly computed ones and returns them in order. */
    static List<DailyActivity> run(TenantSql sql, LocalDate day, Instant now) {
        return sql.transaction((connection, dsl) -> {
            dsl.deleteFrom(DAILY_ACTIVITY)
                    .where(DAILY_ACTIVITY.TENANT_ID.eq(sql.tenant()), DAILY_ACTIVITY.DAY.eq(day))
                    .execute();
            List<DailyActivity> rows = new ArrayList<>();
            for (ActivityDimension dimension : ActivityDimension.values()) {
                rows.addAll(insert(dsl, sql.tenant(), day, dimension, now));
            }
            rows.sort(DailyActivity.ORDER);
            return rows;
        });
    }

    /** The stored rows matching {@code which} of one dimension, in order. */
    static List<DailyActivity> read(TenantSql sql, ActivityDimension dimension, Condition which) {
        List<DailyActivity> rows = new ArrayList<>();
        for (Record record : sql.replicaReads()
                .fetch(DSL.select(ROW)
                        .from(DAILY_ACTIVITY)
                        .where(
                                DAILY_ACTIVITY.TENANT_ID.eq(sql.tenant()),
                                DAILY_ACTIVITY.DIMENSION.eq(dimension.name()),
                                which))) {
            rows.add(activity(record));
        }
        rows.sort(DailyActivity.ORDER);
        return rows;
    }

    private static List<DailyActivity> insert(
            DSLContext dsl, String tenant, LocalDate day, ActivityDimension dimension, Instant now) {
        List<DailyActivity> rows = new ArrayList<>();
        for (Record record : dsl.fetch(statement(tenant, day, dimension, now))) {
            rows.add(activity(record));
        }
        return rows;
    }

    /** The insert of one dimension's rows of {@code day}, returning them. */
    static ResultQuery<Record> statement(String tenant, LocalDate day, ActivityDimension dimension, Instant now) {
        Field<UUID> subject = switch (dimension) {
            case AGENT -> DSL.field("coalesce(c.agent_id, {0})", SQLDataType.UUID, DSL.inline(NO_AGENT));
            case USER -> DSL.field("c.user_id", SQLDataType.UUID);
        };
        Field<UUID> userId = switch (dimension) {
            case AGENT -> DSL.castNull(SQLDataType.UUID);
            case USER -> DSL.field("s.subject", SQLDataType.UUID);
        };
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return DSL.resultQuery(
                        STATEMENT,
                        CONVERSATIONS,
                        MESSAGES,
                        LLM_METRICS,
                        MESSAGE_FEEDBACK,
                        MODELS,
                        DAILY_ACTIVITY,
                        DSL.val(tenant),
                        DSL.val(from.atOffset(ZoneOffset.UTC)),
                        DSL.val(from.plusSeconds(86_400).atOffset(ZoneOffset.UTC)),
                        DSL.val(day),
                        DSL.val(dimension.name()),
                        subject,
                        userId,
                        DSL.val(now.atOffset(ZoneOffset.UTC)),
                        DSL.list(ROW.stream()
                                .map(f -> DSL.field(DSL.name(f.getName())))
                                .toList()))
                .coerce(ROW);
    }

    private static DailyActivity activity(Record r) {
        UUID subject = r.get(DAILY_ACTIVITY.SUBJECT_ID);
        return new DailyActivity(
                r.get(DAILY_ACTIVITY.DAY),
                ActivityDimension.valueOf(r.get(DAILY_ACTIVITY.DIMENSION)),
                NO_AGENT.equals(subject) ? null : subject,
                r.get(DAILY_ACTIVITY.ACTIVE_CONVERSATIONS),
                r.get(DAILY_ACTIVITY.NEW_CONVERSATIONS),
                r.get(DAILY_ACTIVITY.SESSIONS),
                r.get(DAILY_ACTIVITY.MESSAGES),
                r.get(DAILY_ACTIVITY.USER_MESSAGES),
                r.get(DAILY_ACTIVITY.ASSISTANT_MESSAGES),
                r.get(DAILY_ACTIVITY.MESSAGE_TOKENS),
                r.get(DAILY_ACTIVITY.ACTIVE_USERS),
                r.get(DAILY_ACTIVITY.LLM_REQUESTS),
                r.get(DAILY_ACTIVITY.LLM_TOKENS),
                DailyRollup.costs(r.get(DAILY_ACTIVITY.COST_BY_CURRENCY).data()),
                r.get(DAILY_ACTIVITY.RATINGS),
                r.get(DAILY_ACTIVITY.AVERAGE_RATING));
    }
}

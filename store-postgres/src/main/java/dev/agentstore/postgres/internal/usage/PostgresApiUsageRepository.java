package dev.agentstore.postgres.internal.usage;

import static dev.agentstore.postgres.internal.jooq.Tables.API_USAGE;
import static dev.agentstore.postgres.internal.jooq.Tables.API_USAGE_LIMITS;

import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.internal.Pages;
import dev.agentstore.internal.TimeKey;
import dev.agentstore.postgres.internal.Conditions;
import dev.agentstore.postgres.internal.TenantSql;
import dev.agentstore.postgres.internal.Timestamps;
import dev.agentstore.postgres.internal.partition.MonthlyPartitions;
import dev.agentstore.usage.ApiCall;
import dev.agentstore.usage.ApiUsageQuery;
import dev.agentstore.usage.ApiUsageRepository;
import dev.agentstore.usage.ApiUsageStats;
import dev.agentstore.usage.DailyApiUsage;
import dev.agentstore.usage.QuotaPeriod;
import dev.agentstore.usage.QuotaStatus;
import dev.agentstore.usage.UsageLimit;
import dev.agentstore.usage.UsageSubject;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * API usage of one tenant in the month-partitioned {@code api_usage}. A batch is one transaction of multi-row
 * inserts that skip calls already recorded ({@code ON CONFLICT DO NOTHING} on request id and time); aggregates and
 * quotas are computed in SQL. A user's calls and limit go with the user through foreign keys.
 */
public final class PostgresApiUsageRepository implements ApiUsageRepository {
    /** Rows per INSERT statement: ten binds each, well under PostgreSQL's 65,535 per statement. */
    private static final int ROWS_PER_INSERT = 2_000;

    private static final List<Field<?>> STATS = List.of(
            DSL.count(),
            DSL.coalesce(DSL.sum(API_USAGE.TOKENS), DSL.inline(BigDecimal.ZERO)),
            DSL.count().filterWhere(API_USAGE.STATUS_CODE.ge((short) 400)),
            DSL.coalesce(DSL.avg(API_USAGE.RESPONSE_TIME_MS), DSL.inline(BigDecimal.ZERO)),
            DSL.coalesce(DSL.max(API_USAGE.RESPONSE_TIME_MS), DSL.inline(0L)));

    private final TenantSql sql;
    private final MonthlyPartitions partitions;
    private final Clock clock;

    /** The API usage of {@code sql}'s tenant. */
    public PostgresApiUsageRepository(TenantSql sql, MonthlyPartitions partitions, Clock clock) {
        this.sql = sql;
        this.partitions = partitions;
        this.clock = clock;
    }

    @Override
    public boolean record(ApiCall call) {
        return recordBatch(List.of(call)) == 1;
    }

    @Override
    public long recordBatch(List<ApiCall> calls) {
        try {
            return partitions.insert(
                    sql, calls.stream().map(ApiCall::recordedAt).toList(), dsl -> {
                        long added = 0;
                        for (int from = 0; from < calls.size(); from += ROWS_PER_INSERT) {
                            added += dsl.execute(
                                    insert(calls.subList(from, Math.min(calls.size(), from + ROWS_PER_INSERT)))
                                            .onConflictDoNothing());
                        }
                        return added;
                    });
        } catch (NotFoundException e) {
            throw new NotFoundException("a call names a user that does not exist", e);
        }
    }

    private InsertValuesStepN<Record> insert(List<ApiCall> calls) {
        InsertValuesStepN<Record> insert = DSL.insertInto(API_USAGE, API_USAGE.fields());
        for (ApiCall c : calls) {
            insert = insert.values(
                    sql.tenant(),
                    c.recordedAt(),
                    c.requestId(),
                    c.apiKeyId(),
                    c.userId(),
                    c.endpoint(),
                    c.method(),
                    c.tokens(),
                    c.responseTimeMillis(),
                    (short) c.statusCode());
        }
        return insert;
    }

    @Override
    public Page<ApiCall> calls(ApiUsageQuery query, PageRequest page) {
        Condition after = DSL.trueCondition();
        if (page.cursor() != null) {
            TimeKey key = TimeKey.fromCursor(page.cursor());
            after = DSL.row(API_USAGE.RECORDED_AT, API_USAGE.REQUEST_ID).gt(key.at(), key.id());
        }
        List<ApiCall> rows = sql.fetch(
                        DSL.selectFrom(API_USAGE)
                                .where(matching(query), after)
                                .orderBy(API_USAGE.RECORDED_AT, API_USAGE.REQUEST_ID)
                                .limit(page.limit() + 1),
                        API_USAGE.fields())
                .map(PostgresApiUsageRepository::call);
        return Pages.of(
                rows,
                page.limit(),
                c -> TimeKey.ofId(c.recordedAt(), c.requestId()).position());
    }

    @Override
    public ApiUsageStats stats(ApiUsageQuery query) {
        return sql.query(DSL.select(STATS).from(API_USAGE).where(matching(query)), row -> stats(row, 1))
                .get(0);
    }

    @Override
    public List<DailyApiUsage> daily(ApiUsageQuery query) {
        Field<LocalDate> day =
                DSL.field("({0} at time zone 'UTC')::date", SQLDataType.LOCALDATE, API_USAGE.RECORDED_AT);
        List<Field<?>> columns = new ArrayList<>(List.of(day, API_USAGE.API_KEY_ID, API_USAGE.USER_ID));
        columns.addAll(STATS);
        return sql.query(
                DSL.select(columns)
                        .from(API_USAGE)
                        .where(matching(query))
                        .groupBy(day, API_USAGE.API_KEY_ID, API_USAGE.USER_ID)
                        .orderBy(
                                day,
                                API_USAGE.API_KEY_ID.asc().nullsLast(),
                                API_USAGE.USER_ID.asc().nullsLast()),
                row -> new DailyApiUsage(
                        row.getObject(1, Date.class).toLocalDate(),
                        row.getObject(2, UUID.class),
                        row.getObject(3, UUID.class),
                        stats(row, 4)));
    }

    @Override
    public void setLimit(UsageLimit limit) {
        UsageSubject subject = limit.subject();
        try {
            sql.fetch(DSL.insertInto(API_USAGE_LIMITS)
                    .set(API_USAGE_LIMITS.TENANT_ID, sql.tenant())
                    .set(API_USAGE_LIMITS.SUBJECT_KIND, subject.kind().name())
                    .set(API_USAGE_LIMITS.SUBJECT_ID, subject.id())
                    .set(API_USAGE_LIMITS.USER_ID, subject.kind() == UsageSubject.Kind.USER ? subject.id() : null)
                    .set(API_USAGE_LIMITS.PERIOD, limit.period().name())
                    .set(API_USAGE_LIMITS.MAX_REQUESTS, limit.maxRequests())
                    .set(API_USAGE_LIMITS.MAX_TOKENS, limit.maxTokens())
                    .set(API_USAGE_LIMITS.UPDATED_AT, Timestamps.now(clock))
                    .onConflict(API_USAGE_LIMITS.TENANT_ID, API_USAGE_LIMITS.SUBJECT_KIND, API_USAGE_LIMITS.SUBJECT_ID)
                    .doUpdate()
                    .set(API_USAGE_LIMITS.PERIOD, limit.period().name())
                    .set(API_USAGE_LIMITS.MAX_REQUESTS, limit.maxRequests())
                    .set(API_USAGE_LIMITS.MAX_TOKENS, limit.maxTokens())
                    .set(API_USAGE_LIMITS.UPDATED_AT, Timestamps.now(clock))
                    .returning(API_USAGE_LIMITS.SUBJECT_ID));
        } catch (NotFoundException e) {
            throw new NotFoundException("no user with id " + subject.id(), e);
        }
    }

    @Override
    public Optional<UsageLimit> limit(UsageSubject subject) {
        return sql
                .fetch(DSL.select(API_USAGE_LIMITS.PERIOD, API_USAGE_LIMITS.MAX_REQUESTS, API_USAGE_LIMITS.MAX_TOKENS)
                        .from(API_USAGE_LIMITS)
                        .where(ofSubject(subject)))
                .stream()
                .findFirst()
                .map(r -> new UsageLimit(
                        subject,
                        QuotaPeriod.valueOf(r.get(API_USAGE_LIMITS.PERIOD)),
                        r.get(API_USAGE_LIMITS.MAX_REQUESTS),
                        r.get(API_USAGE_LIMITS.MAX_TOKENS)));
    }

    @Override
    public boolean removeLimit(UsageSubject subject) {
        return !sql.fetch(DSL.deleteFrom(API_USAGE_LIMITS)
                        .where(ofSubject(subject))
                        .returning(API_USAGE_LIMITS.SUBJECT_ID))
                .isEmpty();
    }

    /**
     * The limit and the current window's usage in one round trip: the limit row, left-joined with the subject's
     * calls inside the window its period gives (both windows are computed from the store's clock).
     */
    @Override
    public Optional<QuotaStatus> quota(UsageSubject subject) {
        Instant now = clock.instant();
        Field<UUID> column = subject.kind() == UsageSubject.Kind.API_KEY ? API_USAGE.API_KEY_ID : API_USAGE.USER_ID;
        return sql
                .query(
                        DSL.select(
                                        API_USAGE_LIMITS.PERIOD,
                                        API_USAGE_LIMITS.MAX_REQUESTS,
                                        API_USAGE_LIMITS.MAX_TOKENS,
                                        DSL.count(API_USAGE.REQUEST_ID),
                                        DSL.coalesce(DSL.sum(API_USAGE.TOKENS), DSL.inline(BigDecimal.ZERO)))
                                .from(API_USAGE_LIMITS)
                                .leftJoin(API_USAGE)
                                .on(
                                        API_USAGE.TENANT_ID.eq(API_USAGE_LIMITS.TENANT_ID),
                                        column.eq(API_USAGE_LIMITS.SUBJECT_ID),
                                        API_USAGE.RECORDED_AT.ge(windowEdge(now, QuotaPeriod::start)),
                                        API_USAGE.RECORDED_AT.lt(windowEdge(now, QuotaPeriod::end)))
                                .where(ofSubject(subject))
                                .groupBy(
                                        API_USAGE_LIMITS.PERIOD,
                                        API_USAGE_LIMITS.MAX_REQUESTS,
                                        API_USAGE_LIMITS.MAX_TOKENS),
                        row -> {
                            QuotaPeriod period = QuotaPeriod.valueOf(row.getString(1));
                            UsageLimit limit = new UsageLimit(
                                    subject, period, row.getObject(2, Long.class), row.getObject(3, Long.class));
                            return new QuotaStatus(
                                    limit, period.start(now), period.end(now), row.getLong(4), row.getLong(5));
                        })
                .stream()
                .findFirst();
    }

    /** The start or end of the window the limit row's period gives at {@code now}. */
    private static Field<Instant> windowEdge(Instant now, BiFunction<QuotaPeriod, Instant, Instant> edge) {
        return DSL.when(API_USAGE_LIMITS.PERIOD.eq(QuotaPeriod.DAY.name()), DSL.val(edge.apply(QuotaPeriod.DAY, now)))
                .otherwise(DSL.val(edge.apply(QuotaPeriod.MONTH, now)));
    }

    private Condition ofSubject(UsageSubject subject) {
        return API_USAGE_LIMITS
                .TENANT_ID
                .eq(sql.tenant())
                .and(API_USAGE_LIMITS.SUBJECT_KIND.eq(subject.kind().name()))
                .and(API_USAGE_LIMITS.SUBJECT_ID.eq(subject.id()));
    }

    private Condition matching(ApiUsageQuery query) {
        return DSL.and(
                Conditions.tenantBetween(
                        API_USAGE.TENANT_ID, sql.tenant(), API_USAGE.RECORDED_AT, query.from(), query.to()),
                Conditions.eqIfSet(API_USAGE.API_KEY_ID, query.apiKeyId()),
                Conditions.eqIfSet(API_USAGE.USER_ID, query.userId()),
                Conditions.eqIfSet(API_USAGE.ENDPOINT, query.endpoint()));
    }

    private static ApiUsageStats stats(ResultSet row, int first) throws SQLException {
        return new ApiUsageStats(
                row.getLong(first),
                row.getLong(first + 1),
                row.getLong(first + 2),
                row.getDouble(first + 3),
                row.getLong(first + 4));
    }

    private static ApiCall call(Record r) {
        return new ApiCall(
                r.get(API_USAGE.REQUEST_ID),
                r.get(API_USAGE.RECORDED_AT),
                r.get(API_USAGE.API_KEY_ID),
                r.get(API_USAGE.USER_ID),
                r.get(API_USAGE.ENDPOINT),
                r.get(API_USAGE.METHOD),
                r.get(API_USAGE.TOKENS),
                r.get(API_USAGE.RESPONSE_TIME_MS),
                r.get(API_USAGE.STATUS_CODE));
    }
}

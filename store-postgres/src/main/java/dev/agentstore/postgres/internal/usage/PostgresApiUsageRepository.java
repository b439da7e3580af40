package dev.agentstore.postgres.internal.usage;

import static dev.agentstore.postgres.internal.jooq.Tables.API_USAGE;

import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.postgres.internal.Conditions;
import dev.agentstore.postgres.internal.partition.MonthlyPartitions;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.spi.Pages;
import dev.agentstore.spi.TimeKey;
import dev.agentstore.usage.ApiCall;
import dev.agentstore.usage.ApiUsageQuery;
import dev.agentstore.usage.ApiUsageRepository;
import dev.agentstore.usage.ApiUsageStats;
import dev.agentstore.usage.DailyApiUsage;
import dev.agentstore.usage.QuotaStatus;
import dev.agentstore.usage.UsageLimit;
import dev.agentstore.usage.UsageSubject;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * API usage of one tenant in the month-partitioned {@code api_usage}. A batch is one transaction of multi-row
 * inserts that skip calls already recorded ({@code ON CONFLICT DO NOTHING} on request id and time); aggregates and
 * quotas ({@link UsageLimits}) are computed in SQL. A user's calls and limit go with the user through foreign keys.
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
    private final UsageLimits limits;

    /** The API usage of {@code sql}'s tenant. */
    public PostgresApiUsageRepository(TenantSql sql, MonthlyPartitions partitions, Clock clock) {
        this.sql = sql;
        this.partitions = partitions;
        this.limits = new UsageLimits(sql, clock);
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
        List<ApiCall> rows = sql.replicaReads()
                .fetch(
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
        return sql.replicaReads()
                .query(DSL.select(STATS).from(API_USAGE).where(matching(query)), row -> stats(row, 1))
                .get(0);
    }

    @Override
    public List<DailyApiUsage> daily(ApiUsageQuery query) {
        Field<LocalDate> day =
                DSL.field("({0} at time zone 'UTC')::date", SQLDataType.LOCALDATE, API_USAGE.RECORDED_AT);
        List<Field<?>> columns = new ArrayList<>(List.of(day, API_USAGE.API_KEY_ID, API_USAGE.USER_ID));
        columns.addAll(STATS);
        return sql.replicaReads()
                .query(
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
        limits.set(limit);
    }

    @Override
    public Optional<UsageLimit> limit(UsageSubject subject) {
        return limits.find(subject);
    }

    @Override
    public boolean removeLimit(UsageSubject subject) {
        return limits.remove(subject);
    }

    @Override
    public Optional<QuotaStatus> quota(UsageSubject subject) {
        return limits.quota(subject);
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

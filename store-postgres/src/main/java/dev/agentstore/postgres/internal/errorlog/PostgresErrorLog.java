package dev.agentstore.postgres.internal.errorlog;

import static dev.agentstore.postgres.internal.jooq.Tables.ERROR_LOG;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.errorlog.ErrorEntry;
import dev.agentstore.errorlog.ErrorLogRepository;
import dev.agentstore.errorlog.ErrorQuery;
import dev.agentstore.errorlog.NewError;
import dev.agentstore.postgres.internal.Conditions;
import dev.agentstore.postgres.internal.partition.MonthlyPartitions;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.postgres.spi.Timestamps;
import dev.agentstore.spi.Cursors;
import dev.agentstore.spi.Ids;
import dev.agentstore.spi.LoggedEntries;
import dev.agentstore.spi.Pages;
import java.sql.Date;
import java.time.Clock;
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

/** The error log of one tenant in the month-partitioned {@code error_log}; newest first by time-ordered id. */
public final class PostgresErrorLog implements ErrorLogRepository {
    private final TenantSql sql;
    private final MonthlyPartitions partitions;
    private final Clock clock;

    /** The error log of {@code sql}'s tenant. */
    public PostgresErrorLog(TenantSql sql, MonthlyPartitions partitions, Clock clock) {
        this.sql = sql;
        this.partitions = partitions;
        this.clock = clock;
    }

    @Override
    public ErrorEntry log(NewError error) {
        ErrorEntry entry = LoggedEntries.error(error, Ids.newId(clock), Timestamps.now(clock));
        partitions.insert(
                sql,
                List.of(entry.occurredAt()),
                dsl -> dsl.insertInto(ERROR_LOG)
                        .set(ERROR_LOG.TENANT_ID, sql.tenant())
                        .set(ERROR_LOG.OCCURRED_AT, entry.occurredAt())
                        .set(ERROR_LOG.ID, entry.id())
                        .set(ERROR_LOG.SERVICE, entry.service())
                        .set(ERROR_LOG.ERROR_TYPE, entry.errorType())
                        .set(ERROR_LOG.MESSAGE, entry.message())
                        .set(ERROR_LOG.STACK_TRACE, entry.stackTrace())
                        .set(ERROR_LOG.DETAILS, Json.of(entry.details()))
                        .set(ERROR_LOG.AGENT_ID, entry.agentId())
                        .execute());
        return entry;
    }

    @Override
    public Optional<ErrorEntry> find(UUID entryId) {
        return sql
                .reads()
                .fetch(
                        DSL.selectFrom(ERROR_LOG).where(ERROR_LOG.TENANT_ID.eq(sql.tenant()), ERROR_LOG.ID.eq(entryId)),
                        ERROR_LOG.fields())
                .stream()
                .findFirst()
                .map(PostgresErrorLog::entry);
    }

    @Override
    public Page<ErrorEntry> list(ErrorQuery query, PageRequest page) {
        Condition after =
                page.cursor() == null ? DSL.trueCondition() : ERROR_LOG.ID.lt(Cursors.decodeUuid(page.cursor()));
        List<ErrorEntry> rows = sql.replicaReads()
                .fetch(
                        DSL.selectFrom(ERROR_LOG)
                                .where(matching(query), after)
                                .orderBy(ERROR_LOG.ID.desc())
                                .limit(page.limit() + 1),
                        ERROR_LOG.fields())
                .map(PostgresErrorLog::entry);
        return Pages.of(rows, page.limit(), e -> e.id().toString());
    }

    @Override
    public SortedMap<LocalDate, SortedMap<String, Long>> countsByDay(ErrorQuery query) {
        Field<LocalDate> day =
                DSL.field("({0} at time zone 'UTC')::date", SQLDataType.LOCALDATE, ERROR_LOG.OCCURRED_AT);
        SortedMap<LocalDate, SortedMap<String, Long>> counts = new TreeMap<>();
        sql.replicaReads()
                .query(
                        DSL.select(day, ERROR_LOG.ERROR_TYPE, DSL.count())
                                .from(ERROR_LOG)
                                .where(matching(query))
                                .groupBy(day, ERROR_LOG.ERROR_TYPE),
                        row -> new DayCount(
                                row.getObject(1, Date.class).toLocalDate(), row.getString(2), row.getLong(3)))
                .forEach(c ->
                        counts.computeIfAbsent(c.day(), d -> new TreeMap<>()).put(c.type(), c.count()));
        return counts;
    }

    private record DayCount(LocalDate day, String type, long count) {}

    private Condition matching(ErrorQuery query) {
        return DSL.and(
                Conditions.tenantBetween(
                        ERROR_LOG.TENANT_ID, sql.tenant(), ERROR_LOG.OCCURRED_AT, query.from(), query.to()),
                Conditions.eqIfSet(ERROR_LOG.SERVICE, query.service()),
                Conditions.eqIfSet(ERROR_LOG.ERROR_TYPE, query.errorType()),
                Conditions.eqIfSet(ERROR_LOG.AGENT_ID, query.agentId()));
    }

    private static ErrorEntry entry(Record r) {
        return new ErrorEntry(
                r.get(ERROR_LOG.ID),
                r.get(ERROR_LOG.OCCURRED_AT),
                r.get(ERROR_LOG.SERVICE),
                r.get(ERROR_LOG.ERROR_TYPE),
                r.get(ERROR_LOG.MESSAGE),
                r.get(ERROR_LOG.STACK_TRACE),
                Json.map(r.get(ERROR_LOG.DETAILS)),
                r.get(ERROR_LOG.AGENT_ID));
    }
}

package dev.agentstore.postgres.internal.audit;

import static dev.agentstore.postgres.internal.jooq.Tables.AUDIT_LOG;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.audit.AuditEntry;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.audit.AuditQuery;
import dev.agentstore.audit.NewAuditEntry;
import dev.agentstore.postgres.internal.Conditions;
import dev.agentstore.postgres.internal.partition.MonthlyPartitions;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.postgres.spi.Timestamps;
import dev.agentstore.spi.Cursors;
import dev.agentstore.spi.Ids;
import dev.agentstore.spi.LoggedEntries;
import dev.agentstore.spi.Pages;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The audit log of one tenant in the month-partitioned {@code audit_log}: this class only inserts and reads, and
 * the table's triggers refuse UPDATE, DELETE and TRUNCATE to every role besides.
 */
public final class PostgresAuditLog implements AuditLog {
    private final TenantSql sql;
    private final MonthlyPartitions partitions;
    private final Clock clock;

    /** The audit log of {@code sql}'s tenant. */
    public PostgresAuditLog(TenantSql sql, MonthlyPartitions partitions, Clock clock) {
        this.sql = sql;
        this.partitions = partitions;
        this.clock = clock;
    }

    @Override
    public AuditEntry append(NewAuditEntry entry) {
        AuditEntry appended = LoggedEntries.audit(entry, Ids.newId(clock), Timestamps.now(clock));
        partitions.insert(
                sql,
                List.of(appended.occurredAt()),
                dsl -> dsl.insertInto(AUDIT_LOG)
                        .set(AUDIT_LOG.TENANT_ID, sql.tenant())
                        .set(AUDIT_LOG.OCCURRED_AT, appended.occurredAt())
                        .set(AUDIT_LOG.ID, appended.id())
                        .set(AUDIT_LOG.ACTOR_ID, appended.actorId())
                        .set(AUDIT_LOG.ACTION, appended.action())
                        .set(AUDIT_LOG.RESOURCE_TYPE, appended.resourceType())
                        .set(AUDIT_LOG.RESOURCE_ID, appended.resourceId())
                        .set(AUDIT_LOG.IP_ADDRESS, appended.ipAddress())
                        .set(AUDIT_LOG.USER_AGENT, appended.userAgent())
                        .set(AUDIT_LOG.REQUEST_ID, appended.requestId())
                        .set(AUDIT_LOG.DETAILS, Json.of(appended.details()))
                        .execute());
        return appended;
    }

    @Override
    public Optional<AuditEntry> find(UUID entryId) {
        return sql
                .reads()
                .fetch(
                        DSL.selectFrom(AUDIT_LOG).where(AUDIT_LOG.TENANT_ID.eq(sql.tenant()), AUDIT_LOG.ID.eq(entryId)),
                        AUDIT_LOG.fields())
                .stream()
                .findFirst()
                .map(PostgresAuditLog::entry);
    }

    @Override
    public Page<AuditEntry> list(AuditQuery query, PageRequest page) {
        Condition after =
                page.cursor() == null ? DSL.trueCondition() : AUDIT_LOG.ID.lt(Cursors.decodeUuid(page.cursor()));
        List<AuditEntry> rows = sql.replicaReads()
                .fetch(
                        DSL.selectFrom(AUDIT_LOG)
                                .where(matching(query), after)
                                .orderBy(AUDIT_LOG.ID.desc())
                                .limit(page.limit() + 1),
                        AUDIT_LOG.fields())
                .map(PostgresAuditLog::entry);
        return Pages.of(rows, page.limit(), e -> e.id().toString());
    }

    private Condition matching(AuditQuery query) {
        return DSL.and(
                Conditions.tenantBetween(
                        AUDIT_LOG.TENANT_ID, sql.tenant(), AUDIT_LOG.OCCURRED_AT, query.from(), query.to()),
                Conditions.eqIfSet(AUDIT_LOG.ACTOR_ID, query.actorId()),
                Conditions.eqIfSet(AUDIT_LOG.ACTION, query.action()),
                Conditions.eqIfSet(AUDIT_LOG.RESOURCE_TYPE, query.resourceType()),
                Conditions.eqIfSet(AUDIT_LOG.RESOURCE_ID, query.resourceId()));
    }

    private static AuditEntry entry(Record r) {
        return new AuditEntry(
                r.get(AUDIT_LOG.ID),
                r.get(AUDIT_LOG.OCCURRED_AT),
                r.get(AUDIT_LOG.ACTOR_ID),
                r.get(AUDIT_LOG.ACTION),
                r.get(AUDIT_LOG.RESOURCE_TYPE),
                r.get(AUDIT_LOG.RESOURCE_ID),
                r.get(AUDIT_LOG.IP_ADDRESS),
                r.get(AUDIT_LOG.USER_AGENT),
                r.get(AUDIT_LOG.REQUEST_ID),
                Json.map(r.get(AUDIT_LOG.DETAILS)));
    }
}

package com.example.agentstore.presence;

import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.state.Presence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.impl.DSL;

/**
 * Presence of one tenant in PostgreSQL. Every statement runs through {@link TenantSql}, so row-level security
 * confines it to the tenant; times come from the store's clock, never the server's, so tests can move them. A
 * member is present while {@code expires_at} lies ahead; a write of a scope deletes that scope's rows expired
 * longer than {@code sweepAfter} ago, so the table does not grow with departed members.
 */
final class PostgresPresence implements Presence {
    private final TenantSql sql;
    private final PresenceTable p;
    private final Clock clock;
    private final Duration sweepAfter;

    PostgresPresence(TenantSql sql, PresenceTable table, Clock clock, Duration sweepAfter) {
        this.sql = sql;
        this.p = table;
        this.clock = clock;
        this.sweepAfter = sweepAfter;
    }

    @Override
    public void markActive(String scope, String member, Duration ttl) {
        Instant now = clock.instant();
        sql.transaction((connection, dsl) -> {
            dsl.deleteFrom(p.table)
                    .where(p.tenantId.eq(sql.tenant()), p.scope.eq(scope), p.expiresAt.lt(now.minus(sweepAfter)))
                    .execute();
            return dsl.insertInto(p.table, p.tenantId, p.scope, p.member, p.seenAt, p.expiresAt)
                    .values(sql.tenant(), scope, member, now, now.plus(ttl))
                    .onConflict(p.tenantId, p.scope, p.member)
                    .doUpdate()
                    .set(p.seenAt, now)
                    .set(p.expiresAt, now.plus(ttl))
                    .execute();
        });
    }

    @Override
    public boolean leave(String scope, String member) {
        Instant now = clock.instant();
        List<Boolean> wasLive = sql.query(
                DSL.deleteFrom(p.table)
                        .where(p.tenantId.eq(sql.tenant()), p.scope.eq(scope), p.member.eq(member))
                        .returningResult(p.expiresAt.gt(now)),
                row -> row.getBoolean(1));
        return !wasLive.isEmpty() && wasLive.getFirst();
    }

    @Override
    public int leaveEverywhere(String member) {
        Instant now = clock.instant();
        List<Boolean> wasLive = sql.query(
                DSL.deleteFrom(p.table)
                        .where(p.tenantId.eq(sql.tenant()), p.member.eq(member))
                        .returningResult(p.expiresAt.gt(now)),
                row -> row.getBoolean(1));
        return (int) wasLive.stream().filter(Boolean::booleanValue).count();
    }

    @Override
    public boolean isActive(String scope, String member) {
        Instant now = clock.instant();
        return !sql.reads()
                .query(
                        DSL.selectOne()
                                .from(p.table)
                                .where(
                                        p.tenantId.eq(sql.tenant()),
                                        p.scope.eq(scope),
                                        p.member.eq(member),
                                        p.expiresAt.gt(now)),
                        row -> row.getInt(1))
                .isEmpty();
    }

    @Override
    public long count(String scope) {
        Instant now = clock.instant();
        return sql.reads()
                .query(
                        DSL.selectCount()
                                .from(p.table)
                                .where(p.tenantId.eq(sql.tenant()), p.scope.eq(scope), p.expiresAt.gt(now)),
                        row -> row.getLong(1))
                .getFirst();
    }

    @Override
    public List<String> activeMembers(String scope, int limit) {
        Instant now = clock.instant();
        return sql.reads()
                .query(
                        DSL.select(p.member)
                                .from(p.table)
                                .where(p.tenantId.eq(sql.tenant()), p.scope.eq(scope), p.expiresAt.gt(now))
                                .orderBy(p.seenAt.desc(), p.member)
                                .limit(DSL.inline(limit)),
                        row -> row.getString(1));
    }
}

package dev.agentstore.postgres.internal.usage;

import static dev.agentstore.postgres.internal.jooq.Tables.API_USAGE;
import static dev.agentstore.postgres.internal.jooq.Tables.API_USAGE_LIMITS;

import dev.agentstore.NotFoundException;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.postgres.spi.Timestamps;
import dev.agentstore.usage.QuotaPeriod;
import dev.agentstore.usage.QuotaStatus;
import dev.agentstore.usage.UsageLimit;
import dev.agentstore.usage.UsageSubject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The quotas of one tenant in {@code api_usage_limits}, and each subject's usage against its own. */
final class UsageLimits {
    private final TenantSql sql;
    private final Clock clock;

    UsageLimits(TenantSql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    void set(UsageLimit limit) {
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

    Optional<UsageLimit> find(UsageSubject subject) {
        return sql
                .reads()
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

    boolean remove(UsageSubject subject) {
        return !sql.fetch(DSL.deleteFrom(API_USAGE_LIMITS)
                        .where(ofSubject(subject))
                        .returning(API_USAGE_LIMITS.SUBJECT_ID))
                .isEmpty();
    }

    /**
     * The limit and the current window's usage in one round trip: the limit row, left-joined with the subject's
     * calls inside the window its period gives (both windows are computed from the store's clock).
     */
    Optional<QuotaStatus> quota(UsageSubject subject) {
        Instant now = clock.instant();
        Field<UUID> column = subject.kind() == UsageSubject.Kind.API_KEY ? API_USAGE.API_KEY_ID : API_USAGE.USER_ID;
        return sql
                .reads()
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
}

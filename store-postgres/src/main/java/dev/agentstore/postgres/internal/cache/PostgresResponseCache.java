package dev.agentstore.postgres.internal.cache;

import static dev.agentstore.postgres.internal.jooq.Tables.RESPONSE_CACHE;

import dev.agentstore.cache.CacheKey;
import dev.agentstore.cache.CacheStats;
import dev.agentstore.cache.CachedResponse;
import dev.agentstore.cache.ResponseCache;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.TenantSql;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** The response cache of one tenant: expiry checked on every read, hits counted by the reading statement. */
public final class PostgresResponseCache implements ResponseCache {
    private final TenantSql sql;
    private final Clock clock;

    /** The cache of {@code sql}'s tenant. */
    public PostgresResponseCache(TenantSql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public CachedResponse put(CacheKey key, String response, Duration ttl, Map<String, ?> metadata) {
        Instant now = clock.instant();
        return entry(sql.fetch(
                        DSL.insertInto(RESPONSE_CACHE)
                                .set(RESPONSE_CACHE.TENANT_ID, sql.tenant())
                                .set(RESPONSE_CACHE.MODEL, key.model())
                                .set(RESPONSE_CACHE.PROMPT_HASH, key.hash())
                                .set(RESPONSE_CACHE.RESPONSE, response)
                                .set(RESPONSE_CACHE.METADATA, Json.of(metadata))
                                .set(RESPONSE_CACHE.CREATED_AT, now)
                                .set(RESPONSE_CACHE.EXPIRES_AT, now.plus(ttl))
                                .set(RESPONSE_CACHE.HIT_COUNT, 0L)
                                .onConflict(RESPONSE_CACHE.TENANT_ID, RESPONSE_CACHE.MODEL, RESPONSE_CACHE.PROMPT_HASH)
                                .doUpdate()
                                .set(RESPONSE_CACHE.RESPONSE, DSL.excluded(RESPONSE_CACHE.RESPONSE))
                                .set(RESPONSE_CACHE.METADATA, DSL.excluded(RESPONSE_CACHE.METADATA))
                                .set(RESPONSE_CACHE.CREATED_AT, DSL.excluded(RESPONSE_CACHE.CREATED_AT))
                                .set(RESPONSE_CACHE.EXPIRES_AT, DSL.excluded(RESPONSE_CACHE.EXPIRES_AT))
                                .set(RESPONSE_CACHE.HIT_COUNT, 0L)
                                .returning(),
                        RESPONSE_CACHE.fields())
                .get(0));
    }

    /** A hit increments the count in the same statement that reads the entry, so concurrent hits all count. */
    @Override
    public Optional<CachedResponse> get(CacheKey key) {
        return sql
                .fetch(DSL.update(RESPONSE_CACHE)
                        .set(RESPONSE_CACHE.HIT_COUNT, RESPONSE_CACHE.HIT_COUNT.plus(1))
                        .where(live(key))
                        .returning())
                .stream()
                .findFirst()
                .map(PostgresResponseCache::entry);
    }

    @Override
    public boolean invalidate(CacheKey key) {
        Instant now = clock.instant();
        return sql
                .fetch(DSL.deleteFrom(RESPONSE_CACHE).where(byKey(key)).returningResult(RESPONSE_CACHE.EXPIRES_AT))
                .stream()
                .anyMatch(r -> r.get(RESPONSE_CACHE.EXPIRES_AT).isAfter(now));
    }

    @Override
    public long invalidateModel(String model) {
        return sql.fetch(DSL.deleteFrom(RESPONSE_CACHE)
                        .where(RESPONSE_CACHE.TENANT_ID.eq(sql.tenant()), RESPONSE_CACHE.MODEL.eq(model))
                        .returningResult(DSL.inline(1)))
                .size();
    }

    @Override
    public long purgeExpired() {
        return sql.fetch(DSL.deleteFrom(RESPONSE_CACHE)
                        .where(RESPONSE_CACHE.TENANT_ID.eq(sql.tenant()), RESPONSE_CACHE.EXPIRES_AT.le(clock.instant()))
                        .returningResult(DSL.inline(1)))
                .size();
    }

    @Override
    public CacheStats stats() {
        Record row = sql.replicaReads()
                .fetch(DSL.select(DSL.count(), DSL.sum(RESPONSE_CACHE.HIT_COUNT))
                        .from(RESPONSE_CACHE)
                        .where(
                                RESPONSE_CACHE.TENANT_ID.eq(sql.tenant()),
                                RESPONSE_CACHE.EXPIRES_AT.gt(clock.instant())))
                .get(0);
        BigDecimal hits = row.get(1, BigDecimal.class);
        return new CacheStats(row.get(0, Long.class), hits == null ? 0 : hits.longValue());
    }

    private Condition byKey(CacheKey key) {
        return RESPONSE_CACHE
                .TENANT_ID
                .eq(sql.tenant())
                .and(RESPONSE_CACHE.MODEL.eq(key.model()))
                .and(RESPONSE_CACHE.PROMPT_HASH.eq(key.hash()));
    }

    private Condition live(CacheKey key) {
        return byKey(key).and(RESPONSE_CACHE.EXPIRES_AT.gt(clock.instant()));
    }

    private static CachedResponse entry(Record r) {
        return new CachedResponse(
                new CacheKey(r.get(RESPONSE_CACHE.MODEL), r.get(RESPONSE_CACHE.PROMPT_HASH)),
                r.get(RESPONSE_CACHE.RESPONSE),
                Json.map(r.get(RESPONSE_CACHE.METADATA)),
                r.get(RESPONSE_CACHE.CREATED_AT),
                r.get(RESPONSE_CACHE.EXPIRES_AT),
                r.get(RESPONSE_CACHE.HIT_COUNT));
    }
}

package dev.agentstore.postgres.internal.security;

import static dev.agentstore.postgres.internal.security.jooq.Tables.API_KEYS;

import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.security.ApiKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** API keys of one tenant, found by the SHA-256 hash of the raw key (the raw key is never stored). */
final class ApiKeyRows {
    private final TenantSql sql;

    ApiKeyRows(TenantSql sql) {
        this.sql = sql;
    }

    void insert(ApiKey key, String keyHash) {
        sql.fetch(DSL.insertInto(API_KEYS)
                .set(API_KEYS.TENANT_ID, sql.tenant())
                .set(API_KEYS.ID, key.id())
                .set(API_KEYS.OWNER_ID, key.ownerId())
                .set(API_KEYS.NAME, key.name())
                .set(API_KEYS.PREFIX, key.prefix())
                .set(API_KEYS.KEY_HASH, keyHash)
                .set(API_KEYS.SCOPES, key.scopes().stream().sorted().toArray(String[]::new))
                .set(API_KEYS.EXPIRES_AT, key.expiresAt())
                .set(API_KEYS.REVOKED_AT, key.revokedAt())
                .set(API_KEYS.LAST_USED_AT, key.lastUsedAt())
                .set(API_KEYS.CREATED_AT, key.createdAt())
                .returningResult(API_KEYS.ID));
    }

    Optional<ApiKey> findByHash(String keyHash) {
        return sql
                .reads()
                .fetch(
                        DSL.selectFrom(API_KEYS)
                                .where(API_KEYS.TENANT_ID.eq(sql.tenant()), API_KEYS.KEY_HASH.eq(keyHash)),
                        API_KEYS.fields())
                .stream()
                .findFirst()
                .map(ApiKeyRows::key);
    }

    /** Locks the key's row, applies {@code change} and writes what may change: revocation and last use. */
    Optional<ApiKey> update(UUID id, UnaryOperator<ApiKey> change) {
        return sql.transaction((connection, tx) -> {
            Optional<ApiKey> current = tx.selectFrom(API_KEYS)
                    .where(API_KEYS.TENANT_ID.eq(sql.tenant()), API_KEYS.ID.eq(id))
                    .forUpdate()
                    .fetchOptional()
                    .map(ApiKeyRows::key);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            ApiKey changed = change.apply(current.get());
            tx.update(API_KEYS)
                    .set(API_KEYS.NAME, changed.name())
                    .set(API_KEYS.SCOPES, changed.scopes().stream().sorted().toArray(String[]::new))
                    .set(API_KEYS.EXPIRES_AT, changed.expiresAt())
                    .set(API_KEYS.REVOKED_AT, changed.revokedAt())
                    .set(API_KEYS.LAST_USED_AT, changed.lastUsedAt())
                    .where(API_KEYS.TENANT_ID.eq(sql.tenant()), API_KEYS.ID.eq(id))
                    .execute();
            return Optional.of(changed);
        });
    }

    List<ApiKey> ofOwner(UUID ownerId) {
        return sql.reads()
                .fetch(
                        DSL.selectFrom(API_KEYS)
                                .where(API_KEYS.TENANT_ID.eq(sql.tenant()), API_KEYS.OWNER_ID.eq(ownerId))
                                .orderBy(API_KEYS.ID.desc()),
                        API_KEYS.fields())
                .map(ApiKeyRows::key);
    }

    private static ApiKey key(Record r) {
        return new ApiKey(
                r.get(API_KEYS.ID),
                r.get(API_KEYS.OWNER_ID),
                r.get(API_KEYS.NAME),
                r.get(API_KEYS.PREFIX),
                Set.of(r.get(API_KEYS.SCOPES)),
                r.get(API_KEYS.EXPIRES_AT),
                r.get(API_KEYS.REVOKED_AT),
                r.get(API_KEYS.LAST_USED_AT),
                r.get(API_KEYS.CREATED_AT));
    }
}

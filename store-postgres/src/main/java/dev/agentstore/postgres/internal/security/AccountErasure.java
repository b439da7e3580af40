package dev.agentstore.postgres.internal.security;

import static dev.agentstore.postgres.internal.security.jooq.Tables.API_KEYS;
import static dev.agentstore.postgres.internal.security.jooq.Tables.CREDENTIALS;
import static dev.agentstore.postgres.internal.security.jooq.Tables.LOGIN_ATTEMPTS;
import static dev.agentstore.postgres.internal.security.jooq.Tables.SECURITY_EVENTS;

import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.TenantSql;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Record2;
import org.jooq.Result;

/**
 * Erases the accounts of a user in one transaction: their login attempts (by account, and by username for those typed
 * before the account matched), the API keys they or the user own, their security events' link and details, and the
 * accounts themselves, whose password history and reset tokens go by cascade.
 */
final class AccountErasure {
    private final TenantSql sql;

    AccountErasure(TenantSql sql) {
        this.sql = sql;
    }

    int eraseAccountsOf(UUID userId) {
        return sql.transaction((connection, tx) -> {
            Result<Record2<UUID, String>> owned = tx.select(CREDENTIALS.ID, CREDENTIALS.USERNAME_LOWER)
                    .from(CREDENTIALS)
                    .where(CREDENTIALS.TENANT_ID.eq(sql.tenant()), CREDENTIALS.USER_ID.eq(userId))
                    .forUpdate()
                    .fetch();
            List<UUID> ids = owned.getValues(CREDENTIALS.ID);
            List<String> usernames = owned.getValues(CREDENTIALS.USERNAME_LOWER);
            tx.deleteFrom(LOGIN_ATTEMPTS)
                    .where(LOGIN_ATTEMPTS.TENANT_ID.eq(sql.tenant()))
                    .and(LOGIN_ATTEMPTS.CREDENTIAL_ID.in(ids).or(LOGIN_ATTEMPTS.USERNAME_LOWER.in(usernames)))
                    .execute();
            tx.update(SECURITY_EVENTS)
                    .setNull(SECURITY_EVENTS.CREDENTIAL_ID)
                    .set(SECURITY_EVENTS.DETAILS, Json.of(Map.of()))
                    .where(SECURITY_EVENTS.TENANT_ID.eq(sql.tenant()), SECURITY_EVENTS.CREDENTIAL_ID.in(ids))
                    .execute();
            tx.deleteFrom(API_KEYS)
                    .where(API_KEYS.TENANT_ID.eq(sql.tenant()))
                    .and(API_KEYS.OWNER_ID.in(ids).or(API_KEYS.OWNER_ID.eq(userId)))
                    .execute();
            return tx.deleteFrom(CREDENTIALS)
                    .where(CREDENTIALS.TENANT_ID.eq(sql.tenant()), CREDENTIALS.ID.in(ids))
                    .execute();
        });
    }
}

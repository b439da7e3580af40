package dev.agentstore.postgres.internal.security;

import static dev.agentstore.postgres.internal.security.jooq.Tables.CREDENTIALS;
import static dev.agentstore.postgres.internal.security.jooq.Tables.PASSWORD_HISTORY;
import static dev.agentstore.postgres.internal.security.jooq.Tables.RESET_TOKENS;

import dev.agentstore.ConflictException;
import dev.agentstore.postgres.spi.PostgresErrors;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.security.Credential;
import dev.agentstore.spi.StoredCredential;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Credentials of one tenant with their password history and reset tokens. Changes that touch two tables, or read
 * before they write, run in one transaction and lock the credential's row first.
 */
final class CredentialRows {
    /** What the write of {@link #update} sets when no row was selected: it matches no row, by this id. */
    private static final UUID NO_ROW_ID = new UUID(0, 0);

    private static final StoredCredential NO_ROW = new StoredCredential(
            new Credential(NO_ROW_ID, "", "", false, 0, null, Instant.EPOCH, null, Instant.EPOCH, null),
            "",
            null,
            null,
            0);

    private final TenantSql sql;

    CredentialRows(TenantSql sql) {
        this.sql = sql;
    }

    void insert(StoredCredential stored) {
        Credential c = stored.credential();
        try {
            sql.transaction((connection, tx) -> {
                tx.insertInto(CREDENTIALS)
                        .set(CREDENTIALS.TENANT_ID, sql.tenant())
                        .set(CREDENTIALS.ID, c.id())
                        .set(CREDENTIALS.USERNAME, c.username())
                        .set(CREDENTIALS.USERNAME_LOWER, lower(c.username()))
                        .set(CREDENTIALS.EMAIL, c.email())
                        .set(CREDENTIALS.EMAIL_LOWER, lower(c.email()))
                        .set(CREDENTIALS.CREATED_AT, c.createdAt())
                        .set(CREDENTIALS.USER_ID, c.userId())
                        .set(changing(stored))
                        .execute();
                appendHistory(tx, c.id(), stored.passwordHash(), c.passwordChangedAt());
                return null;
            });
        } catch (ConflictException e) {
            String what = PostgresErrors.violates(e, "credentials_username_taken") ? "username" : "email";
            throw new ConflictException("the " + what + " is already taken", e);
        }
    }

    Optional<StoredCredential> find(Condition condition) {
        return sql
                .reads()
                .fetch(
                        DSL.selectFrom(CREDENTIALS).where(CREDENTIALS.TENANT_ID.eq(sql.tenant()), condition),
                        CREDENTIALS.fields())
                .stream()
                .findFirst()
                .map(CredentialRows::stored);
    }

    /**
     * Locks the row {@code which} selects, applies {@code change} and writes the result back, in one transaction.
     * The write always runs (a statement that matches no row for an unknown credential), so a lookup by username
     * costs the same round trips whether the user exists or not.
     */
    Optional<StoredCredential> update(Condition which, UnaryOperator<StoredCredential> change) {
        return sql.transaction((connection, tx) -> {
            Optional<StoredCredential> current = tx.selectFrom(CREDENTIALS)
                    .where(CREDENTIALS.TENANT_ID.eq(sql.tenant()), which)
                    .forUpdate()
                    .fetchOptional()
                    .map(CredentialRows::stored);
            Optional<StoredCredential> changed = current.map(change);
            tx.update(CREDENTIALS)
                    .set(changing(changed.orElse(current.orElse(NO_ROW))))
                    .where(
                            CREDENTIALS.TENANT_ID.eq(sql.tenant()),
                            CREDENTIALS.ID.eq(
                                    changed.map(c -> c.credential().id()).orElse(NO_ROW_ID)))
                    .execute();
            return changed;
        });
    }

    /** Sets the hash, appends it to the history and deletes the credential's reset tokens, in one transaction. */
    void setPassword(UUID id, String passwordHash, Instant changedAt) {
        sql.transaction((connection, tx) -> {
            int updated = tx.update(CREDENTIALS)
                    .set(CREDENTIALS.PASSWORD_HASH, passwordHash)
                    .set(CREDENTIALS.PASSWORD_CHANGED_AT, changedAt)
                    .where(CREDENTIALS.TENANT_ID.eq(sql.tenant()), CREDENTIALS.ID.eq(id))
                    .execute();
            if (updated == 1) {
                appendHistory(tx, id, passwordHash, changedAt);
                tx.deleteFrom(RESET_TOKENS)
                        .where(RESET_TOKENS.TENANT_ID.eq(sql.tenant()), RESET_TOKENS.CREDENTIAL_ID.eq(id))
                        .execute();
            }
            return null;
        });
    }

    List<String> passwordHistory(UUID id, int limit) {
        return sql.reads()
                .fetch(DSL.select(PASSWORD_HISTORY.PASSWORD_HASH)
                        .from(PASSWORD_HISTORY)
                        .where(PASSWORD_HISTORY.TENANT_ID.eq(sql.tenant()), PASSWORD_HISTORY.CREDENTIAL_ID.eq(id))
                        .orderBy(PASSWORD_HISTORY.POSITION.desc())
                        .limit(limit))
                .map(r -> r.get(PASSWORD_HISTORY.PASSWORD_HASH));
    }

    /**
     * One statement for known and unknown emails alike: the credential with this email, and a token row for it
     * inserted from the same select, so an unknown email inserts nothing at the same cost.
     */
    Optional<StoredCredential> issueResetToken(String emailLower, String tokenHash, Instant expiresAt) {
        var account = DSL.name("account")
                .as(DSL.selectFrom(CREDENTIALS)
                        .where(CREDENTIALS.TENANT_ID.eq(sql.tenant()), CREDENTIALS.EMAIL_LOWER.eq(emailLower)));
        var issued = DSL.name("issued")
                .as(DSL.insertInto(
                                RESET_TOKENS,
                                RESET_TOKENS.TENANT_ID,
                                RESET_TOKENS.TOKEN_HASH,
                                RESET_TOKENS.CREDENTIAL_ID,
                                RESET_TOKENS.EXPIRES_AT)
                        .select(DSL.select(
                                        account.field(CREDENTIALS.TENANT_ID),
                                        DSL.val(tokenHash),
                                        account.field(CREDENTIALS.ID),
                                        DSL.val(expiresAt))
                                .from(account))
                        .returningResult(RESET_TOKENS.CREDENTIAL_ID));
        Field<?>[] columns = account.fields(CREDENTIALS.fields());
        return sql.fetch(DSL.with(account).with(issued).select(columns).from(account), CREDENTIALS.fields()).stream()
                .findFirst()
                .map(CredentialRows::stored);
    }

    Optional<UUID> findResetToken(String tokenHash, Instant now) {
        return sql
                .reads()
                .fetch(DSL.select(RESET_TOKENS.CREDENTIAL_ID)
                        .from(RESET_TOKENS)
                        .where(
                                RESET_TOKENS.TENANT_ID.eq(sql.tenant()),
                                RESET_TOKENS.TOKEN_HASH.eq(tokenHash),
                                RESET_TOKENS.EXPIRES_AT.gt(now)))
                .stream()
                .map(r -> r.get(RESET_TOKENS.CREDENTIAL_ID))
                .findFirst();
    }

    /** One DELETE ... RETURNING: of two concurrent redemptions exactly one gets the row. */
    Optional<UUID> redeemResetToken(String tokenHash, Instant now) {
        return sql
                .fetch(DSL.deleteFrom(RESET_TOKENS)
                        .where(RESET_TOKENS.TENANT_ID.eq(sql.tenant()), RESET_TOKENS.TOKEN_HASH.eq(tokenHash))
                        .returningResult(RESET_TOKENS.CREDENTIAL_ID, RESET_TOKENS.EXPIRES_AT))
                .stream()
                .filter(r -> now.isBefore(r.get(RESET_TOKENS.EXPIRES_AT)))
                .map(r -> r.get(RESET_TOKENS.CREDENTIAL_ID))
                .findFirst();
    }

    /** The columns that change over a credential's life, with their values in {@code stored}. */
    private static Map<Field<?>, Object> changing(StoredCredential stored) {
        Credential c = stored.credential();
        Map<Field<?>, Object> columns = new HashMap<>();
        columns.put(CREDENTIALS.PASSWORD_HASH, stored.passwordHash());
        columns.put(CREDENTIALS.TOTP_ENABLED, c.totpEnabled());
        columns.put(CREDENTIALS.TOTP_SECRET, stored.totpSecret());
        columns.put(CREDENTIALS.PENDING_TOTP_SECRET, stored.pendingTotpSecret());
        columns.put(CREDENTIALS.LAST_TOTP_STEP, stored.lastTotpStep());
        columns.put(CREDENTIALS.FAILED_ATTEMPTS, c.failedAttempts());
        columns.put(CREDENTIALS.LOCKED_UNTIL, c.lockedUntil());
        columns.put(CREDENTIALS.PASSWORD_CHANGED_AT, c.passwordChangedAt());
        columns.put(CREDENTIALS.LAST_LOGIN_AT, c.lastLoginAt());
        return columns;
    }

    private void appendHistory(DSLContext tx, UUID id, String passwordHash, Instant at) {
        tx.insertInto(PASSWORD_HISTORY)
                .set(PASSWORD_HISTORY.TENANT_ID, sql.tenant())
                .set(PASSWORD_HISTORY.CREDENTIAL_ID, id)
                .set(PASSWORD_HISTORY.PASSWORD_HASH, passwordHash)
                .set(PASSWORD_HISTORY.CREATED_AT, at)
                .execute();
    }

    private static StoredCredential stored(Record r) {
        return new StoredCredential(
                new Credential(
                        r.get(CREDENTIALS.ID),
                        r.get(CREDENTIALS.USERNAME),
                        r.get(CREDENTIALS.EMAIL),
                        r.get(CREDENTIALS.TOTP_ENABLED),
                        r.get(CREDENTIALS.FAILED_ATTEMPTS),
                        r.get(CREDENTIALS.LOCKED_UNTIL),
                        r.get(CREDENTIALS.PASSWORD_CHANGED_AT),
                        r.get(CREDENTIALS.LAST_LOGIN_AT),
                        r.get(CREDENTIALS.CREATED_AT),
                        r.get(CREDENTIALS.USER_ID)),
                r.get(CREDENTIALS.PASSWORD_HASH),
                r.get(CREDENTIALS.TOTP_SECRET),
                r.get(CREDENTIALS.PENDING_TOTP_SECRET),
                r.get(CREDENTIALS.LAST_TOTP_STEP));
    }

    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}

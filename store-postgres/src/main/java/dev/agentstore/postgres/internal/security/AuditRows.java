package dev.agentstore.postgres.internal.security;

import static dev.agentstore.postgres.internal.security.jooq.Tables.LOGIN_ATTEMPTS;
import static dev.agentstore.postgres.internal.security.jooq.Tables.SECURITY_EVENTS;

import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.security.LoginAttempt;
import dev.agentstore.security.LoginStatus;
import dev.agentstore.security.SecurityEvent;
import dev.agentstore.security.SecurityEventType;
import java.time.Instant;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Login attempts and security events of one tenant: appended, then listed newest first. */
final class AuditRows {
    private final TenantSql sql;

    AuditRows(TenantSql sql) {
        this.sql = sql;
    }

    void insertAttempt(LoginAttempt attempt) {
        sql.fetch(DSL.insertInto(LOGIN_ATTEMPTS)
                .set(LOGIN_ATTEMPTS.TENANT_ID, sql.tenant())
                .set(LOGIN_ATTEMPTS.ID, attempt.id())
                .set(LOGIN_ATTEMPTS.USERNAME, attempt.username())
                .set(LOGIN_ATTEMPTS.USERNAME_LOWER, CredentialRows.lower(attempt.username()))
                .set(LOGIN_ATTEMPTS.CREDENTIAL_ID, attempt.credentialId())
                .set(LOGIN_ATTEMPTS.STATUS, attempt.status().name())
                .set(LOGIN_ATTEMPTS.IP_ADDRESS, attempt.ipAddress())
                .set(LOGIN_ATTEMPTS.USER_AGENT, attempt.userAgent())
                .set(LOGIN_ATTEMPTS.ATTEMPTED_AT, attempt.attemptedAt())
                .returningResult(LOGIN_ATTEMPTS.ID));
    }

    List<LoginAttempt> attempts(String usernameLower, Instant since, int limit) {
        return sql.reads()
                .fetch(
                        DSL.selectFrom(LOGIN_ATTEMPTS)
                                .where(
                                        LOGIN_ATTEMPTS.TENANT_ID.eq(sql.tenant()),
                                        LOGIN_ATTEMPTS.USERNAME_LOWER.eq(usernameLower),
                                        LOGIN_ATTEMPTS.ATTEMPTED_AT.ge(since))
                                .orderBy(LOGIN_ATTEMPTS.ID.desc())
                                .limit(limit),
                        LOGIN_ATTEMPTS.fields())
                .map(r -> new LoginAttempt(
                        r.get(LOGIN_ATTEMPTS.ID),
                        r.get(LOGIN_ATTEMPTS.USERNAME),
                        r.get(LOGIN_ATTEMPTS.CREDENTIAL_ID),
                        LoginStatus.valueOf(r.get(LOGIN_ATTEMPTS.STATUS)),
                        r.get(LOGIN_ATTEMPTS.IP_ADDRESS),
                        r.get(LOGIN_ATTEMPTS.USER_AGENT),
                        r.get(LOGIN_ATTEMPTS.ATTEMPTED_AT)));
    }

    void insertEvent(SecurityEvent event) {
        sql.fetch(DSL.insertInto(SECURITY_EVENTS)
                .set(SECURITY_EVENTS.TENANT_ID, sql.tenant())
                .set(SECURITY_EVENTS.ID, event.id())
                .set(SECURITY_EVENTS.TYPE, event.type().name())
                .set(SECURITY_EVENTS.CREDENTIAL_ID, event.credentialId())
                .set(SECURITY_EVENTS.SEVERITY, event.severity())
                .set(SECURITY_EVENTS.DETAILS, Json.of(event.details()))
                .set(SECURITY_EVENTS.OCCURRED_AT, event.occurredAt())
                .returningResult(SECURITY_EVENTS.ID));
    }

    List<SecurityEvent> events(SecurityEventType type, Instant since, int limit) {
        Condition ofType = type == null ? DSL.noCondition() : SECURITY_EVENTS.TYPE.eq(type.name());
        return sql.reads()
                .fetch(
                        DSL.selectFrom(SECURITY_EVENTS)
                                .where(
                                        SECURITY_EVENTS.TENANT_ID.eq(sql.tenant()),
                                        SECURITY_EVENTS.OCCURRED_AT.ge(since),
                                        ofType)
                                .orderBy(SECURITY_EVENTS.ID.desc())
                                .limit(limit),
                        SECURITY_EVENTS.fields())
                .map(r -> new SecurityEvent(
                        r.get(SECURITY_EVENTS.ID),
                        SecurityEventType.valueOf(r.get(SECURITY_EVENTS.TYPE)),
                        r.get(SECURITY_EVENTS.CREDENTIAL_ID),
                        r.get(SECURITY_EVENTS.SEVERITY),
                        Json.map(r.get(SECURITY_EVENTS.DETAILS)),
                        r.get(SECURITY_EVENTS.OCCURRED_AT)));
    }
}

package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CHAT_SESSIONS;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.ChatSession;
import dev.agentstore.conversation.SessionStatus;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.spi.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Record;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/** Chat sessions of users. */
final class SessionQueries {
    private final TenantSql sql;
    private final Clock clock;

    SessionQueries(TenantSql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    ChatSession start(UUID userId, Map<String, ?> metadata) {
        Instant now = clock.instant();
        try {
            return ConversationRows.session(sql.fetch(
                            DSL.insertInto(CHAT_SESSIONS)
                                    .set(CHAT_SESSIONS.TENANT_ID, sql.tenant())
                                    .set(CHAT_SESSIONS.ID, Ids.newId(clock))
                                    .set(CHAT_SESSIONS.USER_ID, userId)
                                    .set(CHAT_SESSIONS.STATUS, SessionStatus.ACTIVE.name())
                                    .set(CHAT_SESSIONS.METADATA, Json.of(metadata))
                                    .set(CHAT_SESSIONS.CREATED_AT, now)
                                    .set(CHAT_SESSIONS.LAST_ACTIVE_AT, now)
                                    .returning(),
                            CHAT_SESSIONS.fields())
                    .get(0));
        } catch (NotFoundException e) {
            throw new NotFoundException("no user with id " + userId, e);
        }
    }

    Optional<ChatSession> find(UUID sessionId) {
        return find(sql.reads(), sessionId);
    }

    private Optional<ChatSession> find(TenantSql reader, UUID sessionId) {
        return reader
                .fetch(DSL.selectFrom(CHAT_SESSIONS)
                        .where(CHAT_SESSIONS.TENANT_ID.eq(sql.tenant()), CHAT_SESSIONS.ID.eq(sessionId)))
                .stream()
                .findFirst()
                .map(ConversationRows::session);
    }

    /** Marks the session active now; an ended session stays ended and the call fails. */
    ChatSession touch(UUID sessionId) {
        return updateIfActive(sessionId, DSL.update(CHAT_SESSIONS).set(CHAT_SESSIONS.LAST_ACTIVE_AT, clock.instant()))
                .orElseGet(() -> {
                    find(sql.primaryReads(), sessionId)
                            .orElseThrow(() -> new NotFoundException("no session with id " + sessionId));
                    throw new ConflictException("session " + sessionId + " has ended");
                });
    }

    /** Ends the session; ending an ended session returns it unchanged. */
    ChatSession end(UUID sessionId) {
        return updateIfActive(
                        sessionId,
                        DSL.update(CHAT_SESSIONS)
                                .set(CHAT_SESSIONS.STATUS, SessionStatus.ENDED.name())
                                .set(CHAT_SESSIONS.LAST_ACTIVE_AT, clock.instant()))
                .or(() -> find(sql.primaryReads(), sessionId))
                .orElseThrow(() -> new NotFoundException("no session with id " + sessionId));
    }

    /** Applies {@code update} to the session if it is still active; the updated session, or empty. */
    private Optional<ChatSession> updateIfActive(UUID sessionId, UpdateSetMoreStep<Record> update) {
        return sql
                .fetch(update.where(
                                CHAT_SESSIONS.TENANT_ID.eq(sql.tenant()),
                                CHAT_SESSIONS.ID.eq(sessionId),
                                CHAT_SESSIONS.STATUS.eq(SessionStatus.ACTIVE.name()))
                        .returning())
                .stream()
                .findFirst()
                .map(ConversationRows::session);
    }

    List<ChatSession> of(UUID userId, int limit) {
        return sql.replicaReads()
                .fetch(
                        DSL.selectFrom(CHAT_SESSIONS)
                                .where(CHAT_SESSIONS.TENANT_ID.eq(sql.tenant()), CHAT_SESSIONS.USER_ID.eq(userId))
                                .orderBy(CHAT_SESSIONS.LAST_ACTIVE_AT.desc(), CHAT_SESSIONS.ID.desc())
                                .limit(limit),
                        CHAT_SESSIONS.fields())
                .map(ConversationRows::session);
    }
}

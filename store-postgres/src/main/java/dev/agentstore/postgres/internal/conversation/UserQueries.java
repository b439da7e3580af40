package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CHAT_SESSIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.LLM_METRICS;
import static dev.agentstore.postgres.internal.jooq.Tables.MEMORY_BLOCKS;
import static dev.agentstore.postgres.internal.jooq.Tables.MEMORY_BLOCK_REVISIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.USERS;

import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.User;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.spi.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Users across channels: one statement per call. */
final class UserQueries {
    private final TenantSql sql;
    private final Clock clock;

    UserQueries(TenantSql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    User upsert(NewUser user) {
        Instant now = clock.instant();
        return ConversationRows.user(sql.fetch(
                        DSL.insertInto(USERS)
                                .set(USERS.TENANT_ID, sql.tenant())
                                .set(USERS.ID, Ids.newId(clock))
                                .set(USERS.CHANNEL, user.channel())
                                .set(USERS.EXTERNAL_ID, user.externalId())
                                .set(USERS.DISPLAY_NAME, user.displayName())
                                .set(USERS.PREFERENCES, Json.of(user.preferences()))
                                .set(USERS.CREATED_AT, now)
                                .set(USERS.UPDATED_AT, now)
                                .onConflict(USERS.TENANT_ID, USERS.CHANNEL, USERS.EXTERNAL_ID)
                                .doUpdate()
                                .set(USERS.DISPLAY_NAME, DSL.excluded(USERS.DISPLAY_NAME))
                                .set(USERS.PREFERENCES, DSL.excluded(USERS.PREFERENCES))
                                .set(USERS.UPDATED_AT, DSL.excluded(USERS.UPDATED_AT))
                                .returning(),
                        USERS.fields())
                .get(0));
    }

    Optional<User> find(UUID userId) {
        return sql
                .reads()
                .fetch(
                        DSL.selectFrom(USERS).where(USERS.TENANT_ID.eq(sql.tenant()), USERS.ID.eq(userId)),
                        USERS.fields())
                .stream()
                .findFirst()
                .map(ConversationRows::user);
    }

    Optional<User> findByExternalId(String channel, String externalId) {
        return sql
                .reads()
                .fetch(DSL.selectFrom(USERS)
                        .where(
                                USERS.TENANT_ID.eq(sql.tenant()),
                                USERS.CHANNEL.eq(channel),
                                USERS.EXTERNAL_ID.eq(externalId)))
                .stream()
                .findFirst()
                .map(ConversationRows::user);
    }

    User updatePreferences(UUID userId, Map<String, ?> preferences) {
        return sql
                .fetch(DSL.update(USERS)
                        .set(USERS.PREFERENCES, Json.of(preferences))
                        .set(USERS.UPDATED_AT, clock.instant())
                        .where(USERS.TENANT_ID.eq(sql.tenant()), USERS.ID.eq(userId))
                        .returning())
                .stream()
                .findFirst()
                .map(ConversationRows::user)
                .orElseThrow(() -> new NotFoundException("no user with id " + userId));
    }

    /** Deletes the user; foreign keys cascade to sessions, conversations and messages in the same statement. */
    boolean erase(UUID userId) {
        return sql.transaction((connection, tx) -> {
            // LLM metrics name sessions and conversations without a foreign key (a high-rate partitioned table):
            // those of the user's go first, while the sessions and conversations still say whose they are.
            Condition sessionsOfUser = LLM_METRICS.SESSION_ID.in(DSL.select(CHAT_SESSIONS.ID)
                    .from(CHAT_SESSIONS)
                    .where(CHAT_SESSIONS.TENANT_ID.eq(sql.tenant()), CHAT_SESSIONS.USER_ID.eq(userId)));
            Condition conversationsOfUser = LLM_METRICS.CONVERSATION_ID.in(DSL.select(CONVERSATIONS.ID)
                    .from(CONVERSATIONS)
                    .where(CONVERSATIONS.TENANT_ID.eq(sql.tenant()), CONVERSATIONS.USER_ID.eq(userId)));
            tx.deleteFrom(LLM_METRICS)
                    .where(LLM_METRICS.TENANT_ID.eq(sql.tenant()))
                    .and(sessionsOfUser.or(conversationsOfUser))
                    .execute();
            // Memory blocks name who edited them without a foreign key (an agent or a user): the user's id leaves
            // the blocks and revisions of others; the user's own blocks go with the user.
            tx.update(MEMORY_BLOCK_REVISIONS)
                    .setNull(MEMORY_BLOCK_REVISIONS.EDITED_BY)
                    .where(
                            MEMORY_BLOCK_REVISIONS.TENANT_ID.eq(sql.tenant()),
                            MEMORY_BLOCK_REVISIONS.EDITED_BY.eq(userId))
                    .execute();
            tx.update(MEMORY_BLOCKS)
                    .setNull(MEMORY_BLOCKS.UPDATED_BY)
                    .where(MEMORY_BLOCKS.TENANT_ID.eq(sql.tenant()), MEMORY_BLOCKS.UPDATED_BY.eq(userId))
                    .execute();
            return tx.deleteFrom(USERS)
                            .where(USERS.TENANT_ID.eq(sql.tenant()), USERS.ID.eq(userId))
                            .execute()
                    == 1;
        });
    }
}

package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationOrder;
import dev.agentstore.conversation.ConversationQuery;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.MetadataFilterSql;
import dev.agentstore.postgres.spi.PostgresErrors;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.spi.ConversationCursors;
import dev.agentstore.spi.Cursors;
import dev.agentstore.spi.Ids;
import dev.agentstore.spi.Pages;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/** Conversations: creation, optimistic updates through the version column, keyset listing, deletion. */
final class ConversationQueries {
    private final TenantSql sql;
    private final Clock clock;

    ConversationQueries(TenantSql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    Conversation create(NewConversation c) {
        Instant now = clock.instant();
        try {
            return ConversationRows.conversation(sql.fetch(insert(c, now).returning(), CONVERSATIONS.fields())
                    .get(0));
        } catch (NotFoundException e) {
            throw PostgresErrors.violates(e, "conversations_agent")
                    ? new NotFoundException("no agent with id " + c.agentId(), e)
                    : e;
        } catch (ConflictException e) {
            throw PostgresErrors.violates(e, "conversations_external_key")
                    ? new ConflictException("the conversation key " + c.externalKey() + " is already taken", e)
                    : new ConflictException("a conversation with id " + c.id() + " exists already", e);
        }
    }

    /**
     * The conversation with {@code c}'s external key, inserted if missing: one statement that inserts unless the key
     * exists ({@code on conflict do nothing}) and returns the row either way, so concurrent callers converge.
     */
    Conversation findOrCreate(NewConversation c) {
        for (int attempt = 0; ; attempt++) {
            Optional<Conversation> created = sql
                    .fetch(
                            insert(c, clock.instant())
                                    .onConflict(CONVERSATIONS.TENANT_ID, CONVERSATIONS.EXTERNAL_KEY)
                                    .where(CONVERSATIONS.EXTERNAL_KEY.isNotNull())
                                    .doNothing()
                                    .returning(),
                            CONVERSATIONS.fields())
                    .stream()
                    .findFirst()
                    .map(ConversationRows::conversation);
            Optional<Conversation> found = created.isPresent() ? created : findByKey(c.externalKey());
            if (found.isPresent() || attempt > 0) {
                return found.orElseThrow(() -> new ConflictException(
                        "the conversation key " + c.externalKey() + " was deleted while it was created"));
            }
        }
    }

    private InsertSetMoreStep<Record> insert(NewConversation c, Instant now) {
        return DSL.insertInto(CONVERSATIONS)
                .set(CONVERSATIONS.TENANT_ID, sql.tenant())
                .set(CONVERSATIONS.ID, c.id() != null ? c.id() : Ids.newId(clock))
                .set(CONVERSATIONS.EXTERNAL_KEY, c.externalKey())
                .set(CONVERSATIONS.USER_ID, c.userId())
                .set(CONVERSATIONS.SESSION_ID, c.sessionId())
                .set(CONVERSATIONS.AGENT_ID, c.agentId())
                .set(CONVERSATIONS.TITLE, c.title())
                .set(CONVERSATIONS.STATUS, ConversationStatus.ACTIVE.name())
                .set(CONVERSATIONS.MODEL_OVERRIDE, c.modelOverride())
                .set(CONVERSATIONS.METADATA, Json.of(c.metadata()))
                .set(CONVERSATIONS.VERSION, 1L)
                .set(CONVERSATIONS.CREATED_AT, now)
                .set(CONVERSATIONS.UPDATED_AT, now)
                .set(CONVERSATIONS.LAST_ACTIVITY_AT, now);
    }

    Optional<Conversation> findByKey(String externalKey) {
        return sql
                .reads()
                .fetch(
                        DSL.selectFrom(CONVERSATIONS)
                                .where(
                                        CONVERSATIONS.TENANT_ID.eq(sql.tenant()),
                                        CONVERSATIONS.EXTERNAL_KEY.eq(externalKey)),
                        CONVERSATIONS.fields())
                .stream()
                .findFirst()
                .map(ConversationRows::conversation);
    }

    Optional<Conversation> find(UUID conversationId) {
        return find(sql.reads(), conversationId);
    }

    /** The conversation as the primary holds it now: for the checks a write makes. */
    Optional<Conversation> current(UUID conversationId) {
        return find(sql.primaryReads(), conversationId);
    }

    private Optional<Conversation> find(TenantSql reader, UUID conversationId) {
        return reader.fetch(DSL.selectFrom(CONVERSATIONS).where(byId(conversationId)), CONVERSATIONS.fields()).stream()
                .findFirst()
                .map(ConversationRows::conversation);
    }

    /**
     * The conversations {@code query} selects, in its order: newest first by id (UUIDv7 ids are time-ordered), the
     * cursor being the last id returned, or by last activity and id, the cursor being both. Each order has an index
     * led by the tenant and then the user or agent when the query names one.
     */
    Page<Conversation> list(ConversationQuery query, PageRequest page) {
        List<Conversation> rows = sql.replicaReads()
                .fetch(select(sql.tenant(), query, page), CONVERSATIONS.fields())
                .map(ConversationRows::conversation);
        boolean recent = query.order() == ConversationOrder.RECENT_ACTIVITY;
        return Pages.of(rows, page.limit(), c -> recent ? ConversationCursors.activity(c) : c.id().toString());
    }

    /** The statement of {@link #list}: up to one row more than the page holds, so the page knows whether more follow. */
    static ResultQuery<?> select(String tenant, ConversationQuery query, PageRequest page) {
        boolean recent = query.order() == ConversationOrder.RECENT_ACTIVITY;
        List<Condition> conditions = new ArrayList<>();
        conditions.add(CONVERSATIONS.TENANT_ID.eq(tenant));
        if (query.userId() != null) {
            conditions.add(CONVERSATIONS.USER_ID.eq(query.userId()));
        }
        if (query.agentId() != null) {
            conditions.add(CONVERSATIONS.AGENT_ID.eq(query.agentId()));
        }
        if (query.status() != null) {
            conditions.add(CONVERSATIONS.STATUS.eq(query.status().name()));
        }
        conditions.add(MetadataFilterSql.of(CONVERSATIONS.METADATA, query.metadata()));
        if (page.cursor() != null) {
            conditions.add(
                    recent ? beforeActivity(page.cursor()) : CONVERSATIONS.ID.lt(Cursors.decodeUuid(page.cursor())));
        }
        List<SortField<?>> order = recent
                ? List.of(CONVERSATIONS.LAST_ACTIVITY_AT.desc(), CONVERSATIONS.ID.desc())
                : List.of(CONVERSATIONS.ID.desc());
        return DSL.selectFrom(CONVERSATIONS).where(conditions).orderBy(order).limit(page.limit() + 1);
    }

    /** After the cursor's position in the order by recent activity: a row comparison the index serves. */
    private static Condition beforeActivity(String cursor) {
        ConversationCursors.ActivityPosition last = ConversationCursors.decodeActivity(cursor);
        return DSL.row(CONVERSATIONS.LAST_ACTIVITY_AT, CONVERSATIONS.ID).lt(last.lastActivityAt(), last.id());
    }

    /** One statement: changes the row only at the expected version, and bumps it. */
    Conversation update(UUID conversationId, ConversationUpdate u) {
        Instant now = clock.instant();
        Optional<Conversation> updated = sql
                .fetch(DSL.update(CONVERSATIONS)
                        .set(CONVERSATIONS.TITLE, orKeep(u.title(), CONVERSATIONS.TITLE))
                        .set(CONVERSATIONS.SUMMARY, orKeep(u.summary(), CONVERSATIONS.SUMMARY))
                        .set(
                                CONVERSATIONS.STATUS,
                                orKeep(u.status() == null ? null : u.status().name(), CONVERSATIONS.STATUS))
                        .set(CONVERSATIONS.ENDED_AT, endedAt(u.status(), now))
                        .set(CONVERSATIONS.DELETED_AT, deletedAt(u.status(), now))
                        .set(CONVERSATIONS.MODEL_OVERRIDE, orKeep(u.modelOverride(), CONVERSATIONS.MODEL_OVERRIDE))
                        .set(
                                CONVERSATIONS.METADATA,
                                u.metadata() == null ? CONVERSATIONS.METADATA : DSL.val(Json.of(u.metadata())))
                        .set(CONVERSATIONS.VERSION, CONVERSATIONS.VERSION.plus(1))
                        .set(CONVERSATIONS.UPDATED_AT, now)
                        .where(byId(conversationId), CONVERSATIONS.VERSION.eq(u.expectedVersion()))
                        .returning())
                .stream()
                .findFirst()
                .map(ConversationRows::conversation);
        return updated.orElseGet(() -> {
            Conversation current = current(conversationId)
                    .orElseThrow(() -> new NotFoundException("no conversation with id " + conversationId));
            throw new ConflictException("conversation " + conversationId + " is at version " + current.version()
                    + ", not the expected " + u.expectedVersion());
        });
    }

    /** The end time after an update to {@code status} (null: unchanged): set on leaving ACTIVE, cleared on return. */
    private static Field<Instant> endedAt(ConversationStatus status, Instant now) {
        if (status == null) {
            return CONVERSATIONS.ENDED_AT;
        }
        return status == ConversationStatus.ACTIVE
                ? DSL.castNull(CONVERSATIONS.ENDED_AT)
                : DSL.coalesce(CONVERSATIONS.ENDED_AT, DSL.val(now, CONVERSATIONS.ENDED_AT));
    }

    /** The deletion time after an update to {@code status}: set on becoming DELETED, cleared on leaving it. */
    private static Field<Instant> deletedAt(ConversationStatus status, Instant now) {
        if (status == null) {
            return CONVERSATIONS.DELETED_AT;
        }
        return status == ConversationStatus.DELETED
                ? DSL.coalesce(CONVERSATIONS.DELETED_AT, DSL.val(now, CONVERSATIONS.DELETED_AT))
                : DSL.castNull(CONVERSATIONS.DELETED_AT);
    }

    /** Deletes the conversation; its messages go with it by foreign-key cascade. */
    boolean delete(UUID conversationId) {
        return !sql.fetch(DSL.deleteFrom(CONVERSATIONS)
                        .where(byId(conversationId))
                        .returning(CONVERSATIONS.ID))
                .isEmpty();
    }

    /** Throws the error a call on a missing conversation gets. */
    NotFoundException notFound(UUID conversationId) {
        return new NotFoundException("no conversation with id " + conversationId);
    }

    private Condition byId(UUID conversationId) {
        return CONVERSATIONS.TENANT_ID.eq(sql.tenant()).and(CONVERSATIONS.ID.eq(conversationId));
    }

    private static <T> Field<T> orKeep(T value, Field<T> column) {
        return value == null ? column : DSL.val(value, column);
    }
}

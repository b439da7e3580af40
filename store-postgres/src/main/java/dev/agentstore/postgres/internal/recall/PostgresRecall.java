package dev.agentstore.postgres.internal.recall;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGE_EMBEDDINGS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGE_TERMS;
import static dev.agentstore.postgres.internal.jooq.Tables.RECALL_SCOPES;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.postgres.spi.MetadataFilterSql;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.postgres.spi.Timestamps;
import dev.agentstore.recall.MessageEmbedding;
import dev.agentstore.recall.RecallHit;
import dev.agentstore.recall.RecallQuery;
import dev.agentstore.recall.RecallRepository;
import dev.agentstore.recall.RecallScope;
import dev.agentstore.spi.TextMatch;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.InsertValuesStep8;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Recall on PostgreSQL: scopes and embeddings in their tables under row-level security, and the fused ranking in
 * one statement ({@link RecallSql}).
 */
public final class PostgresRecall implements RecallRepository {
    private static final String USER = RecallScope.Kind.USER.name();
    private static final String AGENT = RecallScope.Kind.AGENT.name();

    private final TenantSql sql;
    private final EmbeddingIndexes indexes;
    private final Clock clock;

    public PostgresRecall(TenantSql sql, EmbeddingIndexes indexes, Clock clock) {
        this.sql = sql;
        this.indexes = indexes;
        this.clock = clock;
    }

    @Override
    public void enable(RecallScope scope) {
        boolean user = scope.kind() == RecallScope.Kind.USER;
        sql.fetch(DSL.insertInto(RECALL_SCOPES)
                .set(RECALL_SCOPES.TENANT_ID, sql.tenant())
                .set(RECALL_SCOPES.KIND, scope.kind().name())
                .set(RECALL_SCOPES.USER_ID, user ? scope.id() : null)
                .set(RECALL_SCOPES.AGENT_ID, user ? null : scope.id())
                .set(RECALL_SCOPES.CREATED_AT, Timestamps.now(clock))
                .onConflictDoNothing()
                .returningResult(RECALL_SCOPES.KIND));
    }

    @Override
    public boolean disable(RecallScope scope) {
        return sql.transaction((connection, tx) -> {
            if (tx.deleteFrom(RECALL_SCOPES).where(of(scope)).execute() == 0) {
                return false;
            }
            // the embeddings of the scope's conversations that no other scope covers
            var c = CONVERSATIONS;
            boolean user = scope.kind() == RecallScope.Kind.USER;
            Condition ofScope = user ? c.USER_ID.eq(scope.id()) : c.AGENT_ID.eq(scope.id());
            Condition otherScope = user ? coveredBy(AGENT, c.AGENT_ID) : coveredBy(USER, c.USER_ID);
            tx.deleteFrom(MESSAGE_EMBEDDINGS)
                    .using(c)
                    .where(
                            MESSAGE_EMBEDDINGS.TENANT_ID.eq(sql.tenant()),
                            c.TENANT_ID.eq(MESSAGE_EMBEDDINGS.TENANT_ID),
                            c.ID.eq(MESSAGE_EMBEDDINGS.CONVERSATION_ID),
                            ofScope,
                            DSL.not(otherScope))
                    .execute();
            return true;
        });
    }

    @Override
    public boolean isEnabled(RecallScope scope) {
        return !sql.reads()
                .fetch(DSL.selectOne().from(RECALL_SCOPES).where(of(scope)))
                .isEmpty();
    }

    @Override
    public int embed(UUID conversationId, List<MessageEmbedding> embeddings) {
        embeddings.stream().map(MessageEmbedding::dimension).distinct().forEach(indexes::ensure);
        Instant now = Timestamps.now(clock);
        return sql.transaction((connection, tx) -> {
            Record conversation = tx.select(
                            CONVERSATIONS.USER_ID,
                            DSL.field(coveredBy(USER, CONVERSATIONS.USER_ID)
                                    .or(coveredBy(AGENT, CONVERSATIONS.AGENT_ID))))
                    .from(CONVERSATIONS)
                    .where(CONVERSATIONS.TENANT_ID.eq(sql.tenant()), CONVERSATIONS.ID.eq(conversationId))
                    .forShare() // an edit or tombstone (which locks it for update) waits, and sees the new rows
                    .fetchOne();
            if (conversation == null) {
                throw new NotFoundException("no conversation with id " + conversationId);
            }
            if (!conversation.get(1, Boolean.class)) {
                throw new ConflictException(
                        "recall is not enabled for the user or the agent of conversation " + conversationId);
            }
            Map<UUID, Record> messages = new HashMap<>();
            tx.select(MESSAGES.ID, MESSAGES.SEQUENCE, MESSAGES.ROLE, MESSAGES.TOOL_CALLS, MESSAGES.LIVE)
                    .from(MESSAGES)
                    .where(
                            MESSAGES.TENANT_ID.eq(sql.tenant()),
                            MESSAGES.CONVERSATION_ID.eq(conversationId),
                            MESSAGES.ID.in(embeddings.stream()
                                    .map(MessageEmbedding::messageId)
                                    .toList()))
                    .fetch()
                    .forEach(r -> messages.put(r.get(MESSAGES.ID), r));
            UUID user = conversation.get(CONVERSATIONS.USER_ID);
            InsertValuesStep8<Record, String, UUID, UUID, Long, UUID, Integer, Float[], Instant> insert = tx.insertInto(
                    MESSAGE_EMBEDDINGS,
                    MESSAGE_EMBEDDINGS.TENANT_ID,
                    MESSAGE_EMBEDDINGS.MESSAGE_ID,
                    MESSAGE_EMBEDDINGS.CONVERSATION_ID,
                    MESSAGE_EMBEDDINGS.SEQUENCE,
                    MESSAGE_EMBEDDINGS.USER_ID,
                    MESSAGE_EMBEDDINGS.DIMENSION,
                    MESSAGE_EMBEDDINGS.EMBEDDING,
                    MESSAGE_EMBEDDINGS.CREATED_AT);
            for (MessageEmbedding embedding : embeddings) {
                Record message = messages.get(embedding.messageId());
                if (message == null || !message.get(MESSAGES.LIVE)) {
                    throw new NotFoundException(
                            "conversation " + conversationId + " has no live message " + embedding.messageId());
                }
                if (!isTurn(message.get(MESSAGES.ROLE), message.get(MESSAGES.TOOL_CALLS))) {
                    throw new InvalidInputException(
                            "embeddings",
                            "names message " + embedding.messageId()
                                    + ", which is not a user or assistant turn without tool calls");
                }
                insert = insert.values(
                        sql.tenant(),
                        embedding.messageId(),
                        conversationId,
                        message.get(MESSAGES.SEQUENCE),
                        user,
                        embedding.dimension(),
                        boxed(embedding.vector()),
                        now);
            }
            int stored = insert.onConflict(MESSAGE_EMBEDDINGS.TENANT_ID, MESSAGE_EMBEDDINGS.MESSAGE_ID)
                    .doUpdate()
                    .set(MESSAGE_EMBEDDINGS.DIMENSION, DSL.excluded(MESSAGE_EMBEDDINGS.DIMENSION))
                    .set(MESSAGE_EMBEDDINGS.EMBEDDING, DSL.excluded(MESSAGE_EMBEDDINGS.EMBEDDING))
                    .set(MESSAGE_EMBEDDINGS.CREATED_AT, now)
                    .execute();
            // the terms of the turn's text (kept while its embedding is: an edit or tombstone removes both)
            tx.execute(
                    """
                    insert into {0} (tenant_id, user_id, term, message_id, conversation_id, sequence, weight)
                    select m.tenant_id, {2}, t.lexeme, m.id, m.conversation_id, m.sequence,
                           cardinality(t.positions)
                               / (1 + ln(1 + sum(cardinality(t.positions)) over (partition by m.id)))
                    from {1} m cross join lateral unnest(m.search_vector) t
                    where m.tenant_id = {3} and m.conversation_id = {4} and m.id = any({5})
                    on conflict do nothing""",
                    MESSAGE_TERMS,
                    MESSAGES,
                    DSL.val(user),
                    DSL.val(sql.tenant()),
                    DSL.val(conversationId),
                    DSL.val(embeddings.stream().map(MessageEmbedding::messageId).toArray(UUID[]::new)));
            return stored;
        });
    }

    @Override
    public List<RecallHit> recall(RecallQuery query) {
        float[] vector = query.vector();
        if (vector != null) {
            indexes.requireVectorSearch();
        }
        String[] terms = terms(query.text());
        if (vector == null && terms == null) {
            return List.of(); // a text of punctuation alone matches nothing
        }
        var in = new RecallSql.Inputs(
                DSL.val(sql.tenant()),
                DSL.val(query.userId()),
                DSL.val(query.excludedConversation(), SQLDataType.UUID),
                DSL.val(query.excludedFrom()),
                terms == null ? null : DSL.val(terms),
                vector == null ? null : DSL.val(vectorText(vector)),
                vector == null ? 0 : vector.length,
                DSL.val(query.candidates()),
                DSL.val(query.limit()),
                DSL.val(query.neighbours()),
                List.of(
                        DSL.val(query.weights().vector()),
                        DSL.val(query.weights().text()),
                        DSL.val(query.weights().recency())),
                DSL.val(query.weights().k()),
                MetadataFilterSql.of(DSL.field(DSL.name("m", "metadata"), SQLDataType.JSONB), query.filter()));
        return sql.replicaReads()
                .readWithSettings(searchSettings(query.candidates()), RecallSql.query(in), RecallRows::read);
    }

    /**
     * The settings of a recall's transaction: the index walk finds enough candidates and goes on past rows a filter
     * rejects; the statement runs with a generic plan (planned once per connection: custom planning cost about 1.2 ms
     * a call, a third of a recall over 100,000 turns) that walks the HNSW index instead of sorting the user's
     * embeddings by distance (a plan made without the candidate count could choose that exact search: 2 s over
     * 100,000 turns) and never scans a table ({@link RecallSql} reads every candidate by key); and without JIT
     * compilation (a disabled path costs 1e10 on paper, which would trigger it).
     */
    public static Map<String, String> searchSettings(int candidates) {
        return Map.of(
                "hnsw.ef_search",
                Integer.toString(Math.min(1_000, Math.max(40, candidates))),
                "hnsw.iterative_scan",
                "relaxed_order",
                "plan_cache_mode",
                "force_generic_plan",
                "enable_seqscan",
                "off",
                "enable_bitmapscan",
                "off",
                "enable_sort",
                "off",
                "jit",
                "off");
    }

    /** The distinct words of a query text, as the full-text ranking matches them, or null for none. */
    public static String[] terms(String text) {
        if (text == null) {
            return null;
        }
        String[] words = TextMatch.words(text).stream().distinct().toArray(String[]::new);
        return words.length == 0 ? null : words;
    }

    /** A vector in pgvector's text form. */
    public static String vectorText(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 10).append('[');
        for (int i = 0; i < vector.length; i++) {
            text.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return text.append(']').toString();
    }

    private Condition of(RecallScope scope) {
        return DSL.and(
                RECALL_SCOPES.TENANT_ID.eq(sql.tenant()),
                RECALL_SCOPES.KIND.eq(scope.kind().name()),
                RECALL_SCOPES.SUBJECT_ID.eq(scope.id()));
    }

    /** Whether a scope of {@code kind} covers {@code subject}. */
    private Condition coveredBy(String kind, Field<UUID> subject) {
        return DSL.exists(DSL.selectOne()
                .from(RECALL_SCOPES)
                .where(
                        RECALL_SCOPES.TENANT_ID.eq(sql.tenant()),
                        RECALL_SCOPES.KIND.eq(DSL.inline(kind)),
                        RECALL_SCOPES.SUBJECT_ID.eq(subject)));
    }

    private static boolean isTurn(String role, JSONB toolCalls) {
        return ("USER".equals(role) || "ASSISTANT".equals(role))
                && "[]".equals(toolCalls.data().replace(" ", ""));
    }

    private static Float[] boxed(float[] vector) {
        Float[] boxed = new Float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            boxed[i] = vector[i];
        }
        return boxed;
    }
}

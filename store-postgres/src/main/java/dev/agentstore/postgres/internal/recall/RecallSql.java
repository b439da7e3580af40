package dev.agentstore.postgres.internal.recall;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGES;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGE_EMBEDDINGS;
import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGE_TERMS;
import static dev.agentstore.postgres.internal.jooq.Tables.RECALL_SCOPES;

import dev.agentstore.postgres.internal.conversation.MessageReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * The recall statement: the candidates of each ranking (the nearest embeddings through the dimension's HNSW index,
 * the best full-text matches through the term key of {@code message_terms}), their fusion with the recency ranking, the best hits and their
 * neighbours, all in one query. Its rows are {@link MessageReader#COLUMNS}, then the hit's place (1 for the best),
 * the row's side (-1 a neighbour before, 0 the hit, 1 a neighbour after) and the hit's score; ordered by place, side
 * and sequence.
 *
 * <p>The statement runs with a generic plan ({@link PostgresRecall#searchSettings}): planned once per connection, not on
 * every call, which saved about 1.2 ms of a 3.8 ms recall over 100,000 turns (benchmarks/README.md). So its shape may
 * not depend on estimates the planner cannot make without the values: each candidate's message is read by key in a
 * lateral lookup ({@code limit 1}, which the planner keeps as a nested loop), never joined in a way a plan made for an
 * unknown number of candidates could turn into a scan of the tenant's messages.
 *
 * <p>Every input is a jOOQ field: named parameters for a template rendered once, or values for one call. The
 * statement is written as SQL text for readability, with its tables and inputs as query parts in it: nothing from a
 * caller is ever part of the text.
 */
public final class RecallSql {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final String COLUMNS =
            MessageReader.COLUMNS.stream().map(Field::getName).collect(Collectors.joining(", "));
    private static final String FUSED_COLUMNS =
            MessageReader.COLUMNS.stream().map(c -> "m." + c.getName()).collect(Collectors.joining(", "));

    private RecallSql() {}

    /**
     * What a recall reads.
     *
     * @param tenant the tenant
     * @param user whose messages (a value, or a subquery of the conversation being assembled)
     * @param excludedConversation the conversation of the excluded window, or a null uuid
     * @param excludedFrom the window's first sequence
     * @param terms the query's terms ({@link dev.agentstore.spi.TextMatch#words}), or null for no text ranking
     * @param vector the query vector as pgvector text, or null for no vector ranking
     * @param dimension the query vector's dimension (0 without one)
     * @param candidates how many each ranking puts forward
     * @param limit how many hits
     * @param neighbours how many turns on each side of a hit
     * @param weights the vector, text and recency weights, double precision
     * @param k the fusion's rank offset
     * @param filter the metadata condition on {@code m.metadata}, or TRUE
     */
    public record Inputs(
            Field<String> tenant,
            Field<UUID> user,
            Field<UUID> excludedConversation,
            Field<Long> excludedFrom,
            Field<String[]> terms,
            Field<String> vector,
            int dimension,
            Field<Integer> candidates,
            Field<Integer> limit,
            Field<Integer> neighbours,
            List<Field<Double>> weights,
            Field<Integer> k,
            Condition filter) {}

    /** The statement for {@code in}. */
    public static ResultQuery<Record> query(Inputs in) {
        Map<String, QueryPart> parts = new LinkedHashMap<>();
        parts.put("messages", MESSAGES);
        parts.put("conversations", CONVERSATIONS);
        parts.put("embeddings", MESSAGE_EMBEDDINGS);
        parts.put("scopes", RECALL_SCOPES);
        parts.put("tenant", in.tenant());
        parts.put("user", in.user());
        parts.put("excluded", in.excludedConversation());
        parts.put("excluded_from", in.excludedFrom());
        parts.put("candidates", in.candidates());
        parts.put("limit", in.limit());
        parts.put("neighbours", in.neighbours());
        parts.put("w_vector", in.weights().get(0));
        parts.put("w_text", in.weights().get(1));
        parts.put("w_recency", in.weights().get(2));
        parts.put("k", in.k());
        parts.put("filter", in.filter());
        List<String> rankings = new ArrayList<>();
        StringBuilder sql = new StringBuilder("with ");
        if (in.vector() != null) {
            parts.put("vector", in.vector());
            parts.put("dimension", DSL.inline(in.dimension()));
            sql.append(BY_VECTOR);
            rankings.add("select id, rank as vector_rank, 0 as text_rank from by_vector");
        }
        if (in.terms() != null) {
            parts.put("terms", in.terms());
            parts.put("terms_table", MESSAGE_TERMS);
            sql.append(BY_TEXT);
            rankings.add("select id, 0 as vector_rank, rank as text_rank from by_text");
        }
        sql.append(FUSION.replace("{rankings}", String.join(" union all ", rankings)));
        return render(
                sql.toString()
                        .replace("{in_scope_e}", IN_SCOPE.replace("{conversation}", "e.conversation_id"))
                        .replace("{in_scope_m}", IN_SCOPE.replace("{conversation}", "m.conversation_id"))
                        .replace("{columns}", COLUMNS)
                        .replace("{fused_columns}", FUSED_COLUMNS),
                parts);
    }

    /**
     * Whether the conversation {@code {conversation}} names is one recall covers: the user's, not deleted, and the user
     * or the conversation's agent opted in. A lookup by key per candidate (the user's opt-in is computed once per
     * statement), not a list of the user's conversations, which would grow with them.
     */
    private static final String IN_SCOPE = """
            exists (select 1 from {conversations} c
                    where c.tenant_id = {tenant} and c.id = {conversation} and c.user_id = {user}
                      and c.status <> 'DELETED'
                      and (exists (select 1 from {scopes} s
                                   where s.tenant_id = {tenant} and s.kind = 'USER' and s.subject_id = {user})
                           or exists (select 1 from {scopes} s
                                      where s.tenant_id = {tenant} and s.kind = 'AGENT' and s.subject_id = c.agent_id)))""";

    /**
     * The nearest embeddings of the dimension, by cosine distance through its HNSW index (ordered by the distance
     * alone, so the index can serve it; the rank breaks ties by recency afterwards). Only live messages count: an
     * embedding stays on a message of a branch that is not current.
     */
    private static final String BY_VECTOR = """
            nearest as (
                select e.message_id as id, m.created_at,
                       (e.embedding::vector({dimension})) <=> cast({vector} as vector({dimension})) as distance
                from {embeddings} e
                join {messages} m on m.tenant_id = e.tenant_id and m.id = e.message_id
                where e.tenant_id = {tenant} and e.user_id = {user} and e.dimension = {dimension}
                  and {in_scope_e}
                  and (e.conversation_id is distinct from {excluded} or e.sequence < {excluded_from})
                  and m.live and {filter}
                order by distance
                limit {candidates}
            ),
            by_vector as (
                select id, row_number() over (order by distance, created_at desc, id desc) as rank from nearest
            ),
            """;

    /**
     * The best full-text matches among the embedded turns in scope, any query term matching: each term puts its best
     * {@code 8 x candidates} turns by weight forward through {@code message_terms_by_weight} (so a common word reads no
     * more rows than a rare one), a turn's relevance is the sum of its matched terms' weights, and the best {@code 2 x
     * candidates} go on to the liveness, scope and metadata checks, which keep the candidates.
     */
    private static final String BY_TEXT = """
            term_matches as (
                select t.message_id as id, sum(t.weight) as relevance
                from unnest({terms}) as q(term)
                cross join lateral (
                    select t.message_id, t.weight from {terms_table} t
                    where t.tenant_id = {tenant} and t.user_id = {user} and t.term = q.term
                      and (t.conversation_id is distinct from {excluded} or t.sequence < {excluded_from})
                    order by t.weight desc
                    limit 8 * {candidates}
                ) t
                group by t.message_id
                order by relevance desc
                limit 2 * {candidates}
            ),
            matching as (
                select x.id, m.created_at, x.relevance
                from term_matches x cross join lateral (
                    select m.created_at, m.id from {messages} m
                    where m.tenant_id = {tenant} and m.id = x.id
                      and m.live and {in_scope_m} and {filter}
                    limit 1
                ) m
                order by x.relevance desc, m.created_at desc, m.id desc
                limit {candidates}
            ),
            by_text as (
                select id, row_number() over (order by relevance desc, created_at desc, id desc) as rank from matching
            ),
            """;

    /**
     * The rankings fused with recency, the best hits, and each hit's neighbours (user and assistant turns without
     * tool calls of the same branch, outside the excluded window) through the primary key.
     */
    private static final String FUSION = """
            pool as (
                select id, max(vector_rank) as vector_rank, max(text_rank) as text_rank
                from ({rankings}) rankings group by id
            ),
            fused as (
                select {fused_columns}, coalesce({w_vector} / ({k} + nullif(p.vector_rank, 0)), 0)
                          + coalesce({w_text} / ({k} + nullif(p.text_rank, 0)), 0)
                          + {w_recency} / ({k} + row_number() over (order by m.created_at desc, m.id desc)) as score
                from pool p cross join lateral (
                    select {columns} from {messages} m where m.tenant_id = {tenant} and m.id = p.id limit 1
                ) m
            ),
            hits as (
                select *, row_number() over (order by score desc, created_at desc, id desc) as place
                from fused order by score desc, created_at desc, id desc limit {limit}
            )
            select {columns}, place, 0 as side, score from hits
            union all
            select n.*, h.place, -1, null from hits h cross join lateral (
                select {columns} from {messages} b
                where b.tenant_id = {tenant} and b.conversation_id = h.conversation_id and b.live
                  and b.sequence < h.sequence and b.role in ('USER', 'ASSISTANT') and b.tool_calls = '[]'::jsonb
                  and (b.conversation_id is distinct from {excluded} or b.sequence < {excluded_from})
                order by b.sequence desc limit {neighbours}
            ) n
            union all
            select n.*, h.place, 1, null from hits h cross join lateral (
                select {columns} from {messages} a
                where a.tenant_id = {tenant} and a.conversation_id = h.conversation_id and a.live
                  and a.sequence > h.sequence and a.role in ('USER', 'ASSISTANT') and a.tool_calls = '[]'::jsonb
                  and (a.conversation_id is distinct from {excluded} or a.sequence < {excluded_from})
                order by a.sequence limit {neighbours}
            ) n
            order by place, side, sequence
            """;

    /** The SQL with each {@code {name}} replaced by the query part of that name. */
    private static ResultQuery<Record> render(String sql, Map<String, QueryPart> parts) {
        List<String> names = new ArrayList<>(parts.keySet());
        Matcher matcher = PLACEHOLDER.matcher(sql);
        StringBuilder indexed = new StringBuilder();
        while (matcher.find()) {
            int index = names.indexOf(matcher.group(1));
            if (index < 0) {
                throw new IllegalStateException("no part named " + matcher.group(1));
            }
            matcher.appendReplacement(indexed, "{" + index + "}");
        }
        matcher.appendTail(indexed);
        return DSL.resultQuery(indexed.toString(), parts.values().toArray(QueryPart[]::new));
    }
}

package dev.agentstore.postgres.internal.context;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATION_SUMMARIES;
import static dev.agentstore.postgres.internal.jooq.Tables.MEMORY_BLOCKS;

import dev.agentstore.NotFoundException;
import dev.agentstore.UnsupportedCapabilityException;
import dev.agentstore.block.MemoryBlock;
import dev.agentstore.context.AssembledContext;
import dev.agentstore.context.ContextAssembler;
import dev.agentstore.context.ContextOptions;
import dev.agentstore.conversation.ConversationSummary;
import dev.agentstore.postgres.internal.block.PostgresMemoryBlocks;
import dev.agentstore.postgres.internal.conversation.ConversationStatements;
import dev.agentstore.postgres.internal.conversation.PostgresSummaries;
import dev.agentstore.postgres.internal.conversation.WindowCandidates;
import dev.agentstore.postgres.internal.recall.PostgresRecall;
import dev.agentstore.postgres.internal.recall.RecallRows;
import dev.agentstore.postgres.spi.BatchResults;
import dev.agentstore.postgres.spi.BoundQuery;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.recall.RecallHit;
import dev.agentstore.recall.RecallQuery;
import dev.agentstore.spi.ContextAssemblyPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Context assembly in one round trip: the conversation, its window candidates, its pinned blocks, its latest summary
 * and, when asked, recall over its user's turns, sent as one batch of pre-rendered statements in one transaction;
 * core's {@link ContextAssemblyPolicy} then fits them to the budget.
 */
public final class PostgresContextAssembler implements ContextAssembler {
    /** Reads rows of a known shape into jOOQ records; no connection of its own. */
    private static final DSLContext RECORDS = DSL.using(SQLDialect.POSTGRES);

    private final TenantSql sql;
    private final ConversationStatements conversations;
    private final ContextStatements statements;
    private final boolean pgvector;

    public PostgresContextAssembler(
            TenantSql sql, ConversationStatements conversations, ContextStatements statements, boolean pgvector) {
        this.sql = sql;
        this.conversations = conversations;
        this.statements = statements;
        this.pgvector = pgvector;
    }

    @Override
    public AssembledContext assembleContext(UUID conversationId, int tokenBudget, ContextOptions options) {
        Map<String, Object> values = new HashMap<>();
        values.put("tenant", sql.tenant());
        values.put("conversation", conversationId);
        values.put("budget", (long) tokenBudget);
        BoundQuery<List<UUID>> conversation =
                BoundQuery.rows(statements.conversation, values, row -> row.getObject(1, UUID.class));
        BoundQuery<List<WindowCandidates.Row>> window =
                BoundQuery.rows(conversations.windowCandidates(), values, WindowCandidates.reader(conversationId));
        List<BoundQuery<?>> batch = new ArrayList<>(List.of(conversation, window));
        BoundQuery<List<MemoryBlock>> blocks = null;
        if (options.pinnedBlocks()) {
            blocks = new BoundQuery<>(
                    statements.pinnedBlocks,
                    values,
                    rows -> RECORDS.fetch(rows, MEMORY_BLOCKS.fields()).map(PostgresMemoryBlocks::block));
            batch.add(blocks);
        }
        BoundQuery<List<ConversationSummary>> summary = null;
        if (options.summary()) {
            summary = new BoundQuery<>(
                    statements.summary,
                    values,
                    rows -> RECORDS.fetch(rows, CONVERSATION_SUMMARIES.fields()).map(PostgresSummaries::summary));
            batch.add(summary);
        }
        BoundQuery<List<RecallHit>> recall = recall(options, values);
        Map<String, String> settings = Map.of();
        if (recall != null) {
            batch.add(recall);
            settings = PostgresRecall.searchSettings(candidates(options));
        }
        BatchResults results = sql.queryAll(settings, batch);
        if (results.of(conversation).isEmpty()) {
            throw new NotFoundException("no conversation with id " + conversationId);
        }
        WindowCandidates candidates = WindowCandidates.of(results.of(window));
        List<ConversationSummary> summaries = summary == null ? List.of() : results.of(summary);
        return ContextAssemblyPolicy.assemble(
                new ContextAssemblyPolicy.Candidates(
                        candidates.system(),
                        candidates.newest(),
                        candidates.whole(),
                        blocks == null ? List.of() : results.of(blocks),
                        summaries.isEmpty() ? null : summaries.getFirst(),
                        recall == null ? List.of() : results.of(recall)),
                tokenBudget,
                options);
    }

    /** The recall part of the batch, with its values added to {@code values}; null when the options do not recall. */
    private BoundQuery<List<RecallHit>> recall(ContextOptions options, Map<String, Object> values) {
        float[] vector = options.recallVector();
        String text = PostgresRecall.textQuery(options.recallText());
        if (vector == null && text == null) {
            return null;
        }
        if (vector != null && !pgvector) {
            throw new UnsupportedCapabilityException(
                    "recall by vector needs the pgvector extension in the database; recall by text works without");
        }
        if (text != null) {
            values.put("text", text);
        }
        if (vector != null) {
            values.put("vector", PostgresRecall.vectorText(vector));
        }
        values.put("candidates", candidates(options));
        values.put("limit", options.recallLimit());
        values.put("neighbours", options.recallNeighbours());
        values.put("w_vector", options.recallWeights().vector());
        values.put("w_text", options.recallWeights().text());
        values.put("w_recency", options.recallWeights().recency());
        values.put("k", options.recallWeights().k());
        return new BoundQuery<>(
                statements.recall(vector == null ? 0 : vector.length, text != null), values, RecallRows::read);
    }

    private static int candidates(ContextOptions options) {
        return Math.max(40, 4 * Math.min(options.recallLimit(), RecallQuery.MAX_LIMIT));
    }
}

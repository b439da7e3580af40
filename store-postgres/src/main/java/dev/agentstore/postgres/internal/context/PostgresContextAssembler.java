package dev.agentstore.postgres.internal.context;

import dev.agentstore.NotFoundException;
import dev.agentstore.block.MemoryBlock;
import dev.agentstore.context.AssembledContext;
import dev.agentstore.context.ContextAssembler;
import dev.agentstore.context.ContextOptions;
import dev.agentstore.conversation.ConversationSummary;
import dev.agentstore.postgres.internal.conversation.ConversationStatements;
import dev.agentstore.postgres.internal.conversation.WindowCandidates;
import dev.agentstore.postgres.internal.recall.EmbeddingIndexes;
import dev.agentstore.postgres.internal.recall.PostgresRecall;
import dev.agentstore.postgres.internal.recall.RecallRows;
import dev.agentstore.postgres.spi.BatchResults;
import dev.agentstore.postgres.spi.BoundQuery;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.recall.RecallHit;
import dev.agentstore.spi.ContextAssemblyPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Context assembly in one round trip: the conversation, its window candidates, its pinned blocks, its latest summary
 * and, when asked, recall over its user's turns, sent as one batch of pre-rendered statements in one transaction;
 * core's {@link ContextAssemblyPolicy} then fits them to the budget.
 */
public final class PostgresContextAssembler implements ContextAssembler {
    private final TenantSql sql;
    private final ConversationStatements conversations;
    private final ContextStatements statements;
    private final EmbeddingIndexes indexes;

    public PostgresContextAssembler(
            TenantSql sql,
            ConversationStatements conversations,
            ContextStatements statements,
            EmbeddingIndexes indexes) {
        this.sql = sql;
        this.conversations = conversations;
        this.statements = statements;
        this.indexes = indexes;
    }

    @Override
    public AssembledContext assembleContext(UUID conversationId, int tokenBudget, ContextOptions options) {
        Map<String, Object> values = new HashMap<>();
        values.put("tenant", sql.tenant());
        values.put("conversation", conversationId);
        values.put("budget", (long) tokenBudget);
        BoundQuery<Header> header = new BoundQuery<>(statements.header, values, PostgresContextAssembler::header);
        BoundQuery<List<WindowCandidates.Row>> window =
                BoundQuery.rows(conversations.windowCandidates(), values, WindowCandidates.reader(conversationId));
        List<BoundQuery<?>> batch = new ArrayList<>(List.of(header, window));
        BoundQuery<List<RecallHit>> recall = recall(options, values);
        Map<String, String> settings = Map.of();
        if (recall != null) {
            batch.add(recall);
            settings = PostgresRecall.searchSettings(options.recallCandidates());
        }
        BatchResults results = sql.reads().queryAll(settings, batch);
        Header head = results.of(header);
        if (head == null) {
            throw new NotFoundException("no conversation with id " + conversationId);
        }
        WindowCandidates candidates = WindowCandidates.of(results.of(window));
        return ContextAssemblyPolicy.assemble(
                new ContextAssemblyPolicy.Candidates(
                        candidates.system(),
                        candidates.newest(),
                        candidates.whole(),
                        options.pinnedBlocks() ? head.blocks() : List.of(),
                        options.summary() ? head.summary() : null,
                        recall == null ? List.of() : results.of(recall)),
                tokenBudget,
                options);
    }

    /** The header: the latest summary (or null) and the pinned blocks. */
    private record Header(ConversationSummary summary, List<MemoryBlock> blocks) {}

    /** The header from its rows (one a block), or null for none: the conversation does not exist. */
    private static Header header(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            return null;
        }
        int first = 3; // after the user and agent
        ConversationSummary summary = null;
        if (rows.getObject(first) != null) {
            summary = new ConversationSummary(
                    rows.getObject(first + 1, UUID.class),
                    rows.getInt(first + 2),
                    rows.getInt(first + 3),
                    rows.getLong(first + 4),
                    rows.getString(first + 5),
                    rows.getInt(first + 6),
                    rows.getObject(first + 7, OffsetDateTime.class).toInstant());
        }
        List<MemoryBlock> blocks = new ArrayList<>();
        do {
            MemoryBlock block = PinnedBlocks.read(rows, first + 8);
            if (block != null) {
                blocks.add(block);
            }
        } while (rows.next());
        return new Header(summary, blocks);
    }

    /** The recall part of the batch, with its values added to {@code values}; null when the options do not recall. */
    private BoundQuery<List<RecallHit>> recall(ContextOptions options, Map<String, Object> values) {
        float[] vector = options.recallVector();
        String[] terms = PostgresRecall.terms(options.recallText());
        if (vector == null && terms == null) {
            return null;
        }
        if (vector != null) {
            indexes.requireVectorSearch();
        }
        if (terms != null) {
            values.put("terms", terms);
        }
        if (vector != null) {
            values.put("vector", PostgresRecall.vectorText(vector));
        }
        values.put("candidates", options.recallCandidates());
        values.put("limit", options.recallLimit());
        values.put("neighbours", options.recallNeighbours());
        values.put("w_vector", options.recallWeights().vector());
        values.put("w_text", options.recallWeights().text());
        values.put("w_recency", options.recallWeights().recency());
        values.put("k", options.recallWeights().k());
        return new BoundQuery<>(
                statements.recall(vector == null ? 0 : vector.length, terms != null), values, RecallRows::read);
    }
}

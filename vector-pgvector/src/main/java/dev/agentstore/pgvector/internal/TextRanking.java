package dev.agentstore.pgvector.internal;

import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_CHUNKS;

import dev.agentstore.postgres.spi.MetadataFilterSql;
import dev.agentstore.postgres.spi.RowReader;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.Filter;
import dev.agentstore.vector.SearchMatch;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The full-text half of hybrid search: chunks whose stored {@code content_search} vector holds every word of the
 * query (the GIN index {@code vector_chunks_content_search} finds them), ranked by {@code ts_rank_cd}.
 */
final class TextRanking {
    private TextRanking() {}

    /**
     * The best {@code limit} chunks for {@code text} that pass {@code filter}, best first, with their embeddings
     * when {@code withEmbeddings}.
     */
    static List<SearchMatch> rank(
            TenantSql sql, StoredCollection collection, String text, Filter filter, int limit, boolean withEmbeddings) {
        Field<Object> query = DSL.field("plainto_tsquery('simple', {0})", Object.class, DSL.val(text));
        Field<Double> rank = DSL.field("ts_rank_cd({0}, {1})", Double.class, VECTOR_CHUNKS.CONTENT_SEARCH, query)
                .as("rank");
        List<Field<?>> fields = new ArrayList<>(ChunkColumns.columns(withEmbeddings));
        fields.add(rank);
        RowReader<Chunk> chunk = ChunkColumns.reader(withEmbeddings);
        int rankColumn = fields.size();
        return sql.replicaReads()
                .query(
                        DSL.select(fields)
                                .from(VECTOR_CHUNKS)
                                .where(
                                        collection.chunksOf(sql.tenant()),
                                        DSL.condition("{0} @@ {1}", VECTOR_CHUNKS.CONTENT_SEARCH, query),
                                        MetadataFilterSql.of(VECTOR_CHUNKS.METADATA, filter))
                                .orderBy(DSL.field(DSL.name("rank")).desc(), VECTOR_CHUNKS.ID)
                                .limit(DSL.inline(limit)),
                        row -> new SearchMatch(chunk.read(row), row.getDouble(rankColumn)));
    }
}

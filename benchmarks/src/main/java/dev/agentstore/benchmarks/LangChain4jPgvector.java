package dev.agentstore.benchmarks;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.filter.MetadataFilterBuilder;
import dev.langchain4j.store.embedding.pgvector.PgVectorEmbeddingStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * LangChain4j's {@code PgVectorEmbeddingStore} (langchain4j-pgvector) as a side of {@link VectorBenchmark}, on one
 * connection as the table owner. It can only make an IVFFlat index itself, so it loads without one and the HNSW
 * index (m 16, ef_construction 64, cosine) is built after loading, as agentstore's bulk load does. Its ids are
 * UUIDs ({@link VectorBenchmark#uuid(int)}).
 */
final class LangChain4jPgvector implements VectorSide {
    private final Connection connection;
    private PgVectorEmbeddingStore store;

    LangChain4jPgvector(Connection connection) {
        this.connection = connection;
    }

    @Override
    public String name() {
        return "LangChain4j PgVectorEmbeddingStore";
    }

    @Override
    public double load(List<float[]> rows) throws SQLException {
        List<String> ids = new ArrayList<>(rows.size());
        List<Embedding> embeddings = new ArrayList<>(rows.size());
        List<TextSegment> segments = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ids.add(VectorBenchmark.uuid(i));
            embeddings.add(Embedding.from(rows.get(i)));
            segments.add(TextSegment.from(VectorBenchmark.content(i), Metadata.from(Map.of("bucket", i % 10))));
        }
        long start = System.nanoTime();
        store = create(connection, "lc4j_items");
        store.addAll(ids, embeddings, segments);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("set maintenance_work_mem = '256MB'");
            ddl.execute("create index on lc4j_items using hnsw (embedding vector_cosine_ops)"
                    + " with (m = 16, ef_construction = 64)");
            ddl.execute("analyze lc4j_items");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** A fresh store (its table dropped and created) on {@code connection}, without an index of its own. */
    static PgVectorEmbeddingStore create(Connection connection, String table) {
        return PgVectorEmbeddingStore.datasourceBuilder()
                .datasource(new SingleConnectionDataSource(connection, true))
                .table(table)
                .dimension(EmbeddingLikeData.DIMENSION)
                .createTable(true)
                .dropTableFirst(true)
                .useIndex(false)
                .build();
    }

    @Override
    public void efSearch(int ef) throws SQLException {
        VectorSide.setEfSearch(connection, ef);
    }

    @Override
    public List<Integer> top10(int q, float[] query, Integer bucket) {
        EmbeddingSearchRequest.EmbeddingSearchRequestBuilder request = EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(query))
                .maxResults(10);
        if (bucket != null) {
            request.filter(MetadataFilterBuilder.metadataKey("bucket").isEqualTo(bucket));
        }
        List<Integer> rows = new ArrayList<>(10);
        for (EmbeddingMatch<TextSegment> match : store.search(request.build()).matches()) {
            rows.add(VectorBenchmark.rowOfUuid(match.embeddingId()));
        }
        return rows;
    }
}

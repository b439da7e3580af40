package dev.agentstore.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.filter.FilterExpressionBuilder;
import org.springframework.ai.vectorstore.pgvector.PgVectorStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Spring AI's {@code PgVectorStore} as a side of {@link VectorBenchmark}, on one connection as the table owner. It
 * makes its HNSW index (pgvector's defaults, m 16, ef_construction 64; cosine) when it creates its table, before
 * loading, as it does for its users. Queries arrive as text, as Spring AI's API takes them, and a lookup
 * "embedding model" returns the benchmark's vector for each text ({@link LookupEmbeddingModel}).
 */
final class SpringAiPgvector implements VectorSide {
    private final Connection connection;
    private final List<float[]> queries;
    private PgVectorStore store;

    /** A side on {@code connection} that will be asked {@code queries} (by number, as text). */
    SpringAiPgvector(Connection connection, List<float[]> queries) {
        this.connection = connection;
        this.queries = queries;
    }

    @Override
    public String name() {
        return "Spring AI PgVectorStore";
    }

    @Override
    public double load(List<float[]> rows) {
        Map<String, float[]> byText = new HashMap<>();
        List<Document> documents = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            byText.put(VectorBenchmark.content(i), rows.get(i));
            documents.add(Document.builder()
                    .id(VectorBenchmark.uuid(i))
                    .text(VectorBenchmark.content(i))
                    .metadata(Map.of("bucket", i % 10))
                    .build());
        }
        for (int q = 0; q < queries.size(); q++) {
            byText.put(queryText(q), queries.get(q));
        }
        long start = System.nanoTime();
        store = create(connection, new LookupEmbeddingModel(byText), "spring_items");
        store.add(documents);
        return (System.nanoTime() - start) / 1e9;
    }

    /** A fresh store (its table dropped and created, HNSW index included) on {@code connection}. */
    static PgVectorStore create(Connection connection, LookupEmbeddingModel model, String table) {
        PgVectorStore created = PgVectorStore.builder(
                        new JdbcTemplate(new SingleConnectionDataSource(connection, true)), model)
                .vectorTableName(table)
                .dimensions(EmbeddingLikeData.DIMENSION)
                .distanceType(PgVectorStore.PgDistanceType.COSINE_DISTANCE)
                .indexType(PgVectorStore.PgIndexType.HNSW)
                .initializeSchema(true)
                .removeExistingVectorStoreTable(true)
                .build();
        created.afterPropertiesSet();
        return created;
    }

    /** The text Spring AI is asked with for query {@code q}. */
    static String queryText(int q) {
        return "query " + q;
    }

    @Override
    public void efSearch(int ef) throws SQLException {
        VectorSide.setEfSearch(connection, ef);
    }

    @Override
    public List<Integer> top10(int q, float[] query, Integer bucket) {
        SearchRequest.Builder request =
                SearchRequest.builder().query(queryText(q)).topK(10).similarityThresholdAll();
        if (bucket != null) {
            request.filterExpression(
                    new FilterExpressionBuilder().eq("bucket", bucket).build());
        }
        List<Integer> rows = new ArrayList<>(10);
        for (Document match : store.similaritySearch(request.build())) {
            rows.add(VectorBenchmark.rowOfUuid(match.getId()));
        }
        return rows;
    }
}

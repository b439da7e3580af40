package dev.agentstore.benchmarks;

import dev.agentstore.langchain4j.AgentstoreEmbeddingStore;
import dev.agentstore.springai.AgentstoreVectorStore;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.IndexSettings;
import dev.agentstore.vector.SearchMatch;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.VectorRepository;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.VectorStore;

/**
 * The five stores {@link EmbeddingStoreBenchmark} loads and asks: agentstore's {@code VectorRepository}, its
 * LangChain4j and Spring AI adapters, and LangChain4j's and Spring AI's own pgvector stores, each as a {@link Side}
 * over the same {@link EmbeddingStoreCorpus}.
 */
final class EmbeddingStoreSides {
    private static final int ROWS = EmbeddingStoreCorpus.ROWS;
    private static final int K = EmbeddingStoreCorpus.K;

    private EmbeddingStoreSides() {}

    /** One side's load and query. */
    interface Side {
        /** Loads every row into a fresh collection or table, index included. */
        void load();

        /** The ids of the top 10 for query {@code q}. */
        List<String> top10(int q);
    }

    static Side repository(VectorRepository vectors, EmbeddingStoreCorpus data) {
        return new Side() {
            @Override
            public void load() {
                vectors.dropCollection("bench-own");
                vectors.createCollection(CollectionSpec.of("bench-own", EmbeddingLikeData.DIMENSION)
                        .withIndex(IndexSettings.hnsw(16, 64)));
                List<Chunk> chunks = new ArrayList<>(ROWS);
                for (int i = 0; i < ROWS; i++) {
                    chunks.add(new Chunk(
                            data.ids.get(i), null, data.texts.get(i), data.vectors.get(i), Map.of("bucket", i % 10)));
                }
                vectors.upsert("bench-own", chunks);
            }

            @Override
            public List<String> top10(int q) {
                return vectors.search("bench-own", SearchRequest.of(data.queries.get(q), K)).stream()
                        .map(SearchMatch::chunk)
                        .map(Chunk::id)
                        .toList();
            }
        };
    }

    static Side agentstoreEmbeddingStore(VectorRepository vectors, EmbeddingStoreCorpus data) {
        return langChain4jSide(
                data,
                () -> {
                    vectors.dropCollection("bench-lc4j");
                    return AgentstoreEmbeddingStore.builder(vectors)
                            .collection("bench-lc4j")
                            .dimension(EmbeddingLikeData.DIMENSION)
                            .index(IndexSettings.hnsw(16, 64))
                            .build();
                },
                () -> {});
    }

    static Side pgVectorEmbeddingStore(Connection owner, EmbeddingStoreCorpus data) {
        return langChain4jSide(
                data,
                () -> LangChain4jPgvector.create(owner, "lc4j_items"),
                () -> execute(
                        owner,
                        "create index on lc4j_items using hnsw (embedding vector_cosine_ops)"
                                + " with (m = 16, ef_construction = 64)",
                        "analyze lc4j_items"));
    }

    /** A LangChain4j store made by {@code create}, loaded with {@code addAll}, then {@code afterLoad}. */
    private static Side langChain4jSide(
            EmbeddingStoreCorpus data, Supplier<EmbeddingStore<TextSegment>> create, Runnable afterLoad) {
        return new Side() {
            private EmbeddingStore<TextSegment> store;

            @Override
            public void load() {
                store = create.get();
                List<Embedding> embeddings = new ArrayList<>(ROWS);
                List<TextSegment> segments = new ArrayList<>(ROWS);
                for (int i = 0; i < ROWS; i++) {
                    embeddings.add(Embedding.from(data.vectors.get(i)));
                    segments.add(TextSegment.from(data.texts.get(i), Metadata.from(Map.of("bucket", i % 10))));
                }
                store.addAll(data.ids, embeddings, segments);
                afterLoad.run();
            }

            @Override
            public List<String> top10(int q) {
                return store
                        .search(EmbeddingSearchRequest.builder()
                                .queryEmbedding(Embedding.from(data.queries.get(q)))
                                .maxResults(K)
                                .build())
                        .matches()
                        .stream()
                        .map(EmbeddingMatch::embeddingId)
                        .toList();
            }
        };
    }

    static Side agentstoreVectorStore(VectorRepository vectors, LookupEmbeddingModel model, EmbeddingStoreCorpus data) {
        return springAiSide(data, () -> {
            vectors.dropCollection("bench-spring");
            return AgentstoreVectorStore.builder(vectors, model)
                    .collection("bench-spring")
                    .dimension(EmbeddingLikeData.DIMENSION)
                    .index(IndexSettings.hnsw(16, 64))
                    .build();
        });
    }

    static Side pgVectorStore(Connection owner, LookupEmbeddingModel model, EmbeddingStoreCorpus data) {
        return springAiSide(data, () -> SpringAiPgvector.create(owner, model, "spring_items"));
    }

    /** A Spring AI store made by {@code create} and loaded with {@code add}. */
    private static Side springAiSide(EmbeddingStoreCorpus data, Supplier<VectorStore> create) {
        return new Side() {
            private VectorStore store;

            @Override
            public void load() {
                store = create.get();
                List<Document> documents = new ArrayList<>(ROWS);
                for (int i = 0; i < ROWS; i++) {
                    documents.add(Document.builder()
                            .id(data.ids.get(i))
                            .text(data.texts.get(i))
                            .metadata(Map.of("bucket", i % 10))
                            .build());
                }
                store.add(documents);
            }

            @Override
            public List<String> top10(int q) {
                return store
                        .similaritySearch(org.springframework.ai.vectorstore.SearchRequest.builder()
                                .query(EmbeddingStoreCorpus.queryText(q))
                                .topK(K)
                                .build())
                        .stream()
                        .map(Document::getId)
                        .toList();
            }
        };
    }

    private static void execute(Connection connection, String... statements) {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

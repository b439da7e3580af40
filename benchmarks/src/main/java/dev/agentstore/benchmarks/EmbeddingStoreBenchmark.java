package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.langchain4j.AgentstoreEmbeddingStore;
import dev.agentstore.springai.AgentstoreVectorStore;
import dev.agentstore.testkit.fixture.PostgresDatabase;
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
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.VectorStore;

/**
 * Issue 21's vector-store benchmark: the same 50,000 embedding-like vectors of dimension 384 (with their text and a
 * metadata bucket) loaded, and the same 1,000 top-10 queries run, through
 *
 * <ul>
 *   <li>agentstore's own {@code VectorRepository} ({@code upsert}, {@code search}): the reference;
 *   <li>{@link AgentstoreEmbeddingStore} (LangChain4j's interface) and {@link AgentstoreVectorStore} (Spring AI's);
 *   <li>LangChain4j's {@code PgVectorEmbeddingStore} and Spring AI's {@code PgVectorStore}, on one connection as the
 *       table owner, the HNSW index made the same (m 16, ef_construction 64, cosine): LangChain4j's store can only
 *       make an IVFFlat index, so its HNSW index is built after loading, as agentstore's is; Spring AI's store
 *       makes its HNSW index when it creates its table, before loading, as it does for its users.
 * </ul>
 *
 * Every side uses its default search settings (pgvector's ef_search 40); recall@10 against the exact answer shows
 * what each returns. The sides take turns query by query in rotating order. Prints two Markdown tables: ingest
 * (one load per side and round) and search (medians of rounds).
 */
public final class EmbeddingStoreBenchmark {
    private static final int ROWS = 50_000;
    private static final int QUERIES = 1_000;
    private static final int K = 10;
    private static final int INGEST_ROUNDS = 3;

    private EmbeddingStoreBenchmark() {}

    /** One side's load and query. */
    private interface Side {
        /** Loads every row into a fresh collection or table, index included. */
        void load();

        /** The ids of the top 10 for query {@code q}. */
        List<String> top10(int q);
    }

    /** Runs {@code args[0]} query rounds (default 5; at most 3 load rounds) and prints the tables. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Data data = new Data();
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        try (AgentStore store = AgentStore.open(BenchmarkConfig.of(database));
                Connection owner = database.adminConnection()) {
            try (Statement session = owner.createStatement()) {
                session.execute("set maintenance_work_mem = '256MB'");
            }
            VectorRepository vectors = store.forTenant("bench").vectors();
            LookupEmbeddingModel model = new LookupEmbeddingModel(data.byText);
            Map<String, Side> sides = new LinkedHashMap<>();
            sides.put("agentstore VectorRepository", repository(vectors, data));
            sides.put("agentstore EmbeddingStore (LangChain4j)", agentstoreEmbeddingStore(vectors, data));
            sides.put("agentstore VectorStore (Spring AI)", agentstoreVectorStore(vectors, model, data));
            sides.put("LangChain4j PgVectorEmbeddingStore", pgVectorEmbeddingStore(owner, data));
            sides.put("Spring AI PgVectorStore", pgVectorStore(owner, model, data));

            List<String> names = new ArrayList<>(sides.keySet());
            List<double[]> ingest = new ArrayList<>();
            for (int round = 0; round < Math.min(rounds, INGEST_ROUNDS); round++) {
                double[] rowsPerSecond = new double[names.size()];
                for (int k = 0; k < names.size(); k++) {
                    int s = (k + round) % names.size();
                    long start = System.nanoTime();
                    sides.get(names.get(s)).load();
                    rowsPerSecond[s] = ROWS / ((System.nanoTime() - start) / 1e9);
                }
                ingest.add(rowsPerSecond);
                System.err.printf(
                        Locale.ROOT, "load round %d: %s%n", round + 1, java.util.Arrays.toString(rowsPerSecond));
            }
            query(sides, data, 1); // warm-up
            List<double[]> search = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                search.add(query(sides, data, QUERIES));
                System.err.printf(
                        Locale.ROOT, "query round %d: %s%n", round + 1, java.util.Arrays.toString(search.getLast()));
            }
            System.out.println(table(names, ingest, search, rounds));
        }
    }

    /** One query round: per side p50, p99 (ms), recall@10. */
    private static double[] query(Map<String, Side> sides, Data data, int queries) {
        List<Side> order = new ArrayList<>(sides.values());
        List<Samples> samples = new ArrayList<>();
        double[] hits = new double[order.size()];
        order.forEach(side -> samples.add(new Samples()));
        for (int q = 0; q < queries; q++) {
            for (int k = 0; k < order.size(); k++) {
                int s = (k + q) % order.size();
                int query = q;
                List<List<String>> found = new ArrayList<>(List.of(List.of()));
                samples.get(s).time(() -> found.set(0, order.get(s).top10(query)));
                hits[s] += found.getFirst().stream()
                        .filter(data.exact.get(q)::contains)
                        .count();
            }
        }
        double[] figures = new double[order.size() * 3];
        for (int s = 0; s < order.size(); s++) {
            figures[3 * s] = samples.get(s).percentileMillis(0.5);
            figures[3 * s + 1] = samples.get(s).percentileMillis(0.99);
            figures[3 * s + 2] = hits[s] / ((double) queries * K);
        }
        return figures;
    }

    private static Side repository(VectorRepository vectors, Data data) {
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

    private static Side agentstoreEmbeddingStore(VectorRepository vectors, Data data) {
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

    private static Side pgVectorEmbeddingStore(Connection owner, Data data) {
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
    private static Side langChain4jSide(Data data, Supplier<EmbeddingStore<TextSegment>> create, Runnable afterLoad) {
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

    private static Side agentstoreVectorStore(VectorRepository vectors, LookupEmbeddingModel model, Data data) {
        return springAiSide(data, () -> {
            vectors.dropCollection("bench-spring");
            return AgentstoreVectorStore.builder(vectors, model)
                    .collection("bench-spring")
                    .dimension(EmbeddingLikeData.DIMENSION)
                    .index(IndexSettings.hnsw(16, 64))
                    .build();
        });
    }

    private static Side pgVectorStore(Connection owner, LookupEmbeddingModel model, Data data) {
        return springAiSide(data, () -> SpringAiPgvector.create(owner, model, "spring_items"));
    }

    /** A Spring AI store made by {@code create} and loaded with {@code add}. */
    private static Side springAiSide(Data data, Supplier<VectorStore> create) {
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
                                .query(Data.queryText(q))
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
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String table(List<String> names, List<double[]> ingest, List<double[]> search, int rounds) {
        double[] load = medians(ingest);
        double[] query = medians(search);
        StringBuilder out = new StringBuilder();
        out.append("| store | load 50,000 x 384 incl. HNSW (rows/s) | vs VectorRepository | target |\n");
        out.append("| --- | ---: | ---: | --- |\n");
        for (int s = 0; s < names.size(); s++) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.2fx | %s |%n",
                    names.get(s),
                    load[s],
                    load[s] / load[0],
                    s == 1 ? ">= 0.8x (time <= 1.25x)" : ""));
        }
        out.append("\nLoad: medians of ").append(ingest.size()).append(" loads per store.\n\n");
        out.append("| store | top-10 p50 (ms) | top-10 p99 (ms) | recall@10 | p50 vs VectorRepository | target |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | --- |\n");
        for (int s = 0; s < names.size(); s++) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.3f | %.2fx | %s |%n",
                    names.get(s),
                    query[3 * s],
                    query[3 * s + 1],
                    query[3 * s + 2],
                    query[3 * s] / query[0],
                    s == 1 ? "<= 1.1x" : ""));
        }
        return out.append("\nSearch: medians of ")
                .append(rounds)
                .append(" rounds of ")
                .append(QUERIES)
                .append(" queries.\n")
                .toString();
    }

    private static double[] medians(List<double[]> results) {
        double[] medians = new double[results.getFirst().length];
        for (int i = 0; i < medians.length; i++) {
            int index = i;
            medians[i] =
                    Samples.median(results.stream().mapToDouble(r -> r[index]).toArray());
        }
        return medians;
    }

    /** The corpus and queries: vectors, UUID ids (LangChain4j's and Spring AI's tables key on UUIDs), texts. */
    private static final class Data {
        final List<float[]> vectors = new ArrayList<>(ROWS);
        final List<String> ids = new ArrayList<>(ROWS);
        final List<String> texts = new ArrayList<>(ROWS);
        final List<float[]> queries = new ArrayList<>(QUERIES);
        final List<Set<String>> exact = new ArrayList<>(QUERIES);
        final Map<String, float[]> byText = new HashMap<>();

        Data() {
            EmbeddingLikeData generator = new EmbeddingLikeData(42);
            for (int i = 0; i < ROWS; i++) {
                vectors.add(generator.next());
                ids.add(UUID.nameUUIDFromBytes(("chunk-" + i).getBytes(StandardCharsets.UTF_8))
                        .toString());
                texts.add(VectorBenchmark.content(i));
                byText.put(texts.getLast(), vectors.getLast());
            }
            for (int q = 0; q < QUERIES; q++) {
                queries.add(generator.next());
                byText.put(queryText(q), queries.getLast());
                exact.add(exactTop(queries.getLast()));
            }
        }

        static String queryText(int q) {
            return "query " + q;
        }

        private Set<String> exactTop(float[] query) {
            Set<String> top = new HashSet<>();
            ExactNeighbours.top(vectors, query, K, i -> true).forEach(i -> top.add(ids.get(i)));
            return top;
        }
    }
}

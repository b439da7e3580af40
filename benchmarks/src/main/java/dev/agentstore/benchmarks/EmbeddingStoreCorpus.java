package dev.agentstore.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@link EmbeddingStoreBenchmark}'s corpus and queries: vectors, UUID ids (LangChain4j's and Spring AI's tables key on
 * UUIDs), texts, and each query's exact top 10.
 */
final class EmbeddingStoreCorpus {
    static final int ROWS = 50_000;
    static final int QUERIES = 1_000;
    static final int K = 10;

    final List<float[]> vectors = new ArrayList<>(ROWS);
    final List<String> ids = new ArrayList<>(ROWS);
    final List<String> texts = new ArrayList<>(ROWS);
    final List<float[]> queries = new ArrayList<>(QUERIES);
    final List<Set<String>> exact = new ArrayList<>(QUERIES);
    final Map<String, float[]> byText = new HashMap<>();

    EmbeddingStoreCorpus() {
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

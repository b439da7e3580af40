package dev.agentstore.benchmarks;

import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.Filter;
import dev.agentstore.vector.IndexSettings;
import dev.agentstore.vector.SearchMatch;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.SearchTuning;
import dev.agentstore.vector.VectorRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * agentstore's side of {@link VectorBenchmark}: an HNSW collection (m 16, ef_construction 64, cosine) loaded with
 * one {@code upsert} (a bulk load: COPY, then one index build), searched with the public API at the ef_search
 * asked for, embeddings not returned (the default).
 */
final class AgentstoreVectors implements VectorSide {
    private final VectorRepository vectors;
    private SearchTuning tuning = SearchTuning.defaults();

    AgentstoreVectors(VectorRepository vectors) {
        this.vectors = vectors;
    }

    @Override
    public String name() {
        return "agentstore";
    }

    @Override
    public double load(List<float[]> rows) {
        List<Chunk> chunks = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            chunks.add(new Chunk(
                    VectorBenchmark.id(i), null, VectorBenchmark.content(i), rows.get(i), Map.of("bucket", i % 10)));
        }
        long start = System.nanoTime();
        vectors.createCollection(
                CollectionSpec.of("bench", EmbeddingLikeData.DIMENSION).withIndex(IndexSettings.hnsw(16, 64)));
        vectors.upsert("bench", chunks);
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void efSearch(int ef) {
        tuning = SearchTuning.efSearch(ef);
    }

    @Override
    public List<Integer> top10(int q, float[] query, Integer bucket) {
        SearchRequest request = SearchRequest.of(query, 10).withTuning(tuning);
        if (bucket != null) {
            request = request.withFilter(Filter.eq("bucket", bucket));
        }
        List<Integer> rows = new ArrayList<>(10);
        for (SearchMatch match : vectors.search("bench", request)) {
            rows.add(VectorBenchmark.row(match.chunk().id()));
        }
        return rows;
    }
}

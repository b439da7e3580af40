package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.PageRequest;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.DistanceMetric;
import dev.agentstore.vector.ElementType;
import dev.agentstore.vector.Filter;
import dev.agentstore.vector.HybridSearchRequest;
import dev.agentstore.vector.IndexSettings;
import dev.agentstore.vector.SearchMatch;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.SearchTuning;
import dev.agentstore.vector.VectorRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Approximate indexes give the exact answer when tuned to look everywhere, half precision, large batches,
 * index rebuilds, and filters at their edges. Complements {@link VectorRepositoryContract}.
 */
public abstract class VectorSearchContract extends StoreContract {
    private static final int DIMENSION = 16;

    private VectorRepository repo() {
        return store.vectors();
    }

    @Test
    void should_give_the_exact_top_k_from_hnsw_and_ivfflat_when_tuned_to_search_widely() {
        List<Chunk> chunks = randomChunks(600, 7);
        repo().createCollection(CollectionSpec.of("hnsw", DIMENSION).withIndex(IndexSettings.hnsw(16, 64)));
        repo().createCollection(CollectionSpec.of("ivf", DIMENSION)
                .withMetric(DistanceMetric.L2)
                .withIndex(IndexSettings.ivfflat(8)));
        repo().upsert("hnsw", chunks);
        repo().upsert("ivf", chunks);
        repo().rebuildIndex("ivf"); // IVFFlat learns its lists from the rows
        Random random = new Random(11);
        for (int q = 0; q < 12; q++) { // more than 5 calls: server-side prepared statements must not change plans
            float[] query = randomVector(random);
            Filter filter = q % 2 == 0 ? null : Filter.eq("bucket", q % 10);
            SearchRequest request = SearchRequest.of(query, 10).withFilter(filter);
            assertThat(ids(repo().search("hnsw", request.withTuning(SearchTuning.efSearch(1_000)))))
                    .isEqualTo(exactTop(chunks, query, 10, filter, DistanceMetric.COSINE));
            assertThat(ids(repo().search("ivf", request.withTuning(SearchTuning.probes(8)))))
                    .isEqualTo(exactTop(chunks, query, 10, filter, DistanceMetric.L2));
        }
    }

    @Test
    void should_return_k_matches_for_a_rare_filter_with_default_tuning() {
        List<Chunk> chunks = randomChunks(1_000, 3);
        repo().createCollection(CollectionSpec.of("rare", DIMENSION));
        repo().upsert("rare", chunks);
        Filter rare = Filter.eq("bucket", 7); // 10% of the rows: most of the nearest ones are filtered out
        List<SearchMatch> found = repo().search(
                        "rare", SearchRequest.of(chunks.get(0).embedding(), 40).withFilter(rare));
        assertThat(found).hasSize(40).allMatch(m -> rare.test(m.chunk().metadata()));
        assertThat(found)
                .isSortedAccordingTo(
                        Comparator.comparingDouble(SearchMatch::score).reversed());
    }

    @Test
    void should_index_and_search_wide_vectors_at_half_precision() {
        CollectionSpec wide = CollectionSpec.of("wide", 2_500);
        assertThat(wide.elementType()).isEqualTo(ElementType.HALFVEC);
        assertThatThrownBy(() -> wide.withElementType(ElementType.VECTOR)).isInstanceOf(InvalidInputException.class);
        repo().createCollection(wide);
        Random random = new Random(5);
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            float[] vector = new float[2_500];
            for (int d = 0; d < vector.length; d++) {
                vector[d] = (float) random.nextGaussian();
            }
            chunks.add(Chunk.of("w" + i, "wide " + i, vector));
        }
        repo().upsert("wide", chunks);
        List<SearchMatch> found = repo().search(
                        "wide", SearchRequest.of(chunks.get(3).embedding(), 2).withEmbeddings());
        assertThat(found.get(0).chunk().id()).isEqualTo("w3");
        assertThat(found.get(0).score()).isCloseTo(1.0, within(1e-3));
        assertThat(found.get(0).chunk().embedding())
                .containsExactly(chunks.get(3).embedding());
    }

    @Test
    void should_upsert_and_replace_large_batches_atomically() {
        repo().createCollection(CollectionSpec.of("bulk", DIMENSION));
        List<Chunk> chunks = randomChunks(2_000, 1);
        repo().upsert("bulk", chunks);
        List<Chunk> renamed = chunks.stream()
                .map(c -> new Chunk(c.id(), "doc", "updated " + c.id(), c.embedding(), Map.of("v", 2)))
                .toList();
        repo().upsert("bulk", renamed);
        assertThat(repo().count("bulk")).isEqualTo(2_000);
        assertThat(repo().get("bulk", List.of("c1999")).getFirst().content()).isEqualTo("updated c1999");
        List<Chunk> bad = new ArrayList<>(renamed);
        bad.add(Chunk.of("short", "x", new float[] {1, 2}));
        assertThatThrownBy(() -> repo().upsert("bulk", bad)).isInstanceOf(InvalidInputException.class);
        assertThat(repo().list("bulk", Filter.eq("v", 2), PageRequest.first(1_000))
                        .items())
                .hasSize(1_000);
        repo().replaceDocument("bulk", "doc", chunks.subList(0, 100));
        assertThat(repo().count("bulk")).isEqualTo(100);
    }

    @Test
    void should_keep_not_exact_over_missing_keys_and_other_kinds() {
        repo().createCollection(CollectionSpec.of("edge", 2));
        repo().upsert(
                        "edge",
                        List.of(
                                chunk("num", Map.of("year", 2020)),
                                chunk("str", Map.of("year", "2020")),
                                chunk("none", Map.of()),
                                chunk("meta", Map.of("it's \"k\"", "%_\\'; drop table x; --"))));
        assertThat(listed(Filter.not(Filter.gt("year", 2019)))).containsExactly("meta", "none", "str");
        assertThat(listed(Filter.lt("year", "2021"))).containsExactly("str");
        assertThat(listed(Filter.eq("it's \"k\"", "%_\\'; drop table x; --"))).containsExactly("meta");
        assertThat(listed(Filter.eq("it's \"k\"", "%"))).isEmpty();
        assertThat(listed(Filter.ne("year", 2020.0))).containsExactly("meta", "none", "str");
    }

    @Test
    void should_filter_by_presence_substring_and_exclusion_alike_on_every_backend() {
        repo().createCollection(CollectionSpec.of("edge", 2));
        repo().upsert(
                        "edge",
                        List.of(
                                chunk("a", Map.of("tag", "|contains|", "n", 1)),
                                chunk("b", Map.of("tag", "ContainsString")),
                                chunk("c", Map.of("tag", 5)),
                                chunk("d", Map.of()),
                                chunk("e", Map.of("tag", "%_\\' it's"))));
        assertThat(listed(Filter.contains("tag", "contains"))).containsExactly("a");
        assertThat(listed(Filter.not(Filter.contains("tag", "contains")))).containsExactly("b", "c", "d", "e");
        assertThat(listed(Filter.contains("tag", "%_\\'")))
                .as("no pattern characters")
                .containsExactly("e");
        assertThat(listed(Filter.exists("tag"))).containsExactly("a", "b", "c", "e");
        assertThat(listed(Filter.not(Filter.exists("tag")))).containsExactly("d");
        assertThat(listed(Filter.notIn("tag", List.of("ContainsString", 5)))).containsExactly("a", "d", "e");
        assertThat(listed(Filter.and(Filter.exists("n"), Filter.notIn("tag", List.of("x")))))
                .containsExactly("a");
        assertThat(ids(repo().search(
                                "edge",
                                SearchRequest.of(new float[] {1, 1}, 10).withFilter(Filter.not(Filter.exists("tag"))))))
                .containsExactly("d");
    }

    @Test
    void should_filter_floats_by_their_value_and_read_back_numbers_beyond_long() {
        repo().createCollection(CollectionSpec.of("edge", 2));
        java.math.BigInteger huge = new java.math.BigInteger("123456789012345678901234567890");
        repo().upsert(
                        "edge",
                        List.of(
                                chunk("f", Map.of("x", 1.23f, "max", Float.MAX_VALUE, "huge", huge)),
                                chunk("g", Map.of("x", 1.22f))));
        assertThat(listed(Filter.eq("x", 1.23f))).containsExactly("f");
        assertThat(listed(Filter.ne("x", 1.23f))).containsExactly("g");
        assertThat(listed(Filter.in("x", List.of(1.24f, 1.23f)))).containsExactly("f");
        Map<String, Object> stored = repo().get("edge", List.of("f")).get(0).metadata();
        assertThat(((Number) stored.get("max")).floatValue()).isEqualTo(Float.MAX_VALUE);
        assertThat(new java.math.BigDecimal(stored.get("huge").toString()))
                .isEqualByComparingTo(new java.math.BigDecimal(huge));
    }

    @Test
    void should_filter_both_rankings_of_a_hybrid_search() {
        repo().createCollection(CollectionSpec.of("hy", 2));
        repo().upsert(
                        "hy",
                        List.of(
                                new Chunk("en", null, "trains to Bergen", new float[] {1, 0}, Map.of("lang", "en")),
                                new Chunk("de", null, "trains nach Bergen", new float[] {1, 0}, Map.of("lang", "de"))));
        List<SearchMatch> fused = repo().hybridSearch(
                        "hy",
                        HybridSearchRequest.of(
                                SearchRequest.of(new float[] {1, 0}, 5).withFilter(Filter.eq("lang", "de")), "trains"));
        assertThat(ids(fused)).containsExactly("de");
    }

    @Test
    void should_forget_the_chunks_of_a_dropped_collection() {
        repo().createCollection(CollectionSpec.of("gone", DIMENSION));
        repo().upsert("gone", randomChunks(100, 2));
        assertThat(repo().dropCollection("gone")).isTrue();
        assertThatThrownBy(() -> repo().rebuildIndex("gone")).isInstanceOf(NotFoundException.class);
        repo().createCollection(CollectionSpec.of("gone", DIMENSION));
        assertThat(repo().count("gone")).isZero();
    }

    private List<String> listed(Filter filter) {
        return repo().list("edge", filter, PageRequest.first(100)).items().stream()
                .map(Chunk::id)
                .toList();
    }

    private static Chunk chunk(String id, Map<String, ?> metadata) {
        return Chunk.of(id, "text " + id, new float[] {1, 1}).withMetadata(metadata);
    }

    private static List<String> ids(List<SearchMatch> matches) {
        return matches.stream().map(m -> m.chunk().id()).toList();
    }

    /** The exact answer, computed here from the metric's definition. */
    private static List<String> exactTop(
            List<Chunk> chunks, float[] query, int k, Filter filter, DistanceMetric metric) {
        return chunks.stream()
                .filter(c -> filter == null || filter.test(c.metadata()))
                .sorted(Comparator.comparingDouble((Chunk c) -> -metric.score(query, c.embedding()))
                        .thenComparing(Chunk::id))
                .limit(k)
                .map(Chunk::id)
                .toList();
    }

    private static List<Chunk> randomChunks(int count, long seed) {
        Random random = new Random(seed);
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chunks.add(Chunk.of("c" + i, "chunk " + i, randomVector(random)).withMetadata(Map.of("bucket", i % 10)));
        }
        return chunks;
    }

    private static float[] randomVector(Random random) {
        float[] vector = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            vector[d] = (float) random.nextGaussian();
        }
        return vector;
    }

    @Test
    void should_return_embeddings_only_when_the_search_asks_for_them() {
        threeDocs();
        Chunk plain = bestOfDocs(SearchRequest.of(new float[] {1, 0, 0}, 1));
        assertThat(plain.hasEmbedding()).isFalse();
        assertThatThrownBy(plain::embedding)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("withEmbeddings");
        assertThat(plain.content()).isEqualTo("text of a");
        Chunk full = bestOfDocs(SearchRequest.of(new float[] {1, 0, 0}, 1).withEmbeddings());
        assertThat(full.hasEmbedding()).isTrue();
        assertThat(full.embedding()).containsExactly(1, 0, 0);
        HybridSearchRequest words = HybridSearchRequest.of(SearchRequest.of(new float[] {0, 1, 0}, 3), "text of");
        assertThat(repo().hybridSearch("docs", words))
                .hasSize(3)
                .allSatisfy(m -> assertThat(m.chunk().hasEmbedding()).isFalse());
        HybridSearchRequest withVectors = HybridSearchRequest.of(
                SearchRequest.of(new float[] {0, 1, 0}, 3).withEmbeddings(), "text of");
        assertThat(repo().hybridSearch("docs", withVectors))
                .hasSize(3)
                .allSatisfy(m -> assertThat(m.chunk().embedding()).hasSize(3));
    }

    @Test
    void should_refuse_to_write_back_a_match_without_its_embedding() {
        threeDocs();
        Chunk match = bestOfDocs(SearchRequest.of(new float[] {1, 0, 0}, 1));
        List<Chunk> edited = List.of(match.withMetadata(Map.of("lang", "fr")));
        assertThatThrownBy(() -> repo().upsert("docs", edited))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("chunks[0].embedding"));
        assertThat(repo().get("docs", List.of("a")).getFirst().metadata()).containsEntry("lang", "en");
    }

    /** Three chunks of dimension 3 in collection "docs", as the embedding tests below use them. */
    private void threeDocs() {
        repo().createCollection(CollectionSpec.of("docs", 3));
        repo().upsert(
                        "docs",
                        List.of(
                                Chunk.of("a", "text of a", new float[] {1, 0, 0})
                                        .withMetadata(Map.of("lang", "en")),
                                Chunk.of("b", "text of b", new float[] {0.9f, 0.1f, 0}),
                                Chunk.of("c", "text of c", new float[] {0, 1, 0})));
    }

    private Chunk bestOfDocs(SearchRequest request) {
        return repo().search("docs", request).getFirst().chunk();
    }
}

package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.DistanceMetric;
import dev.agentstore.vector.Filter;
import dev.agentstore.vector.HybridSearchRequest;
import dev.agentstore.vector.IndexSettings;
import dev.agentstore.vector.SearchMatch;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.VectorRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Collections, upserts, filters and vector and hybrid search. */
public abstract class VectorRepositoryContract extends StoreContract {

    private VectorRepository repo() {
        return store.vectors();
    }

    private static float[] v(float... values) {
        return values;
    }

    private static Chunk chunk(String id, float[] vector, Map<String, ?> metadata) {
        return Chunk.of(id, "text of " + id, vector).withMetadata(metadata);
    }

    private void threeDocs() {
        repo().createCollection(CollectionSpec.of("docs", 3));
        repo().upsert(
                        "docs",
                        List.of(
                                chunk("a", v(1, 0, 0), Map.of("lang", "en", "year", 2020)),
                                chunk("b", v(0.9f, 0.1f, 0), Map.of("lang", "de", "year", 2022)),
                                chunk("c", v(0, 1, 0), Map.of("lang", "en", "year", 2024, "draft", true))));
    }

    @Test
    void should_start_empty() {
        assertThat(repo().listCollections()).isEmpty();
    }

    @Test
    void should_create_find_list_and_drop_collections() {
        CollectionSpec spec = CollectionSpec.of("kb", 384)
                .withMetric(DistanceMetric.L2)
                .withIndex(IndexSettings.ivfflat(100))
                .withEmbeddingModel("all-MiniLM-L6-v2");
        repo().createCollection(spec);
        repo().createCollection(CollectionSpec.of("other", 3).withIndex(IndexSettings.none()));
        assertThat(repo().findCollection("kb")).contains(spec);
        assertThat(repo().listCollections()).extracting(CollectionSpec::name).containsExactly("kb", "other");
        assertThatThrownBy(() -> repo().createCollection(CollectionSpec.of("kb", 3)))
                .isInstanceOf(ConflictException.class);
        assertThat(repo().dropCollection("kb")).isTrue();
        assertThat(repo().dropCollection("kb")).isFalse();
        assertThatThrownBy(() -> repo().count("kb")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_find_an_existing_collection_as_it_is_or_create_a_missing_one() {
        CollectionSpec existing =
                repo().createCollection(CollectionSpec.of("kb", 3).withMetric(DistanceMetric.L2));

        assertThat(repo().findOrCreateCollection(CollectionSpec.of("kb", 5))).isEqualTo(existing);
        CollectionSpec created = repo().findOrCreateCollection(CollectionSpec.of("new", 4));
        assertThat(created.dimension()).isEqualTo(4);
        assertThat(repo().findCollection("new")).contains(created);
    }

    @Test
    void should_search_nearest_first_with_cosine_scores() {
        threeDocs();
        List<SearchMatch> matches = repo().search("docs", SearchRequest.of(v(1, 0, 0), 2));
        assertThat(matches).extracting(m -> m.chunk().id()).containsExactly("a", "b");
        assertThat(matches.get(0).score()).isCloseTo(1.0, within(1e-6));
        assertThat(matches.get(0).chunk().metadata()).containsEntry("lang", "en");
    }

    @Test
    void should_apply_the_minimum_score() {
        threeDocs();
        assertThat(repo().search("docs", SearchRequest.of(v(1, 0, 0), 10).withMinScore(0.9)))
                .extracting(m -> m.chunk().id())
                .containsExactly("a", "b");
    }

    @Test
    void should_score_l2_and_inner_product_collections() {
        repo().createCollection(CollectionSpec.of("l2", 2).withMetric(DistanceMetric.L2));
        repo().createCollection(CollectionSpec.of("ip", 2).withMetric(DistanceMetric.INNER_PRODUCT));
        repo().upsert("l2", List.of(chunk("near", v(1, 1), Map.of()), chunk("far", v(4, 5), Map.of())));
        repo().upsert("ip", List.of(chunk("small", v(1, 0), Map.of()), chunk("big", v(3, 0), Map.of())));
        List<SearchMatch> l2 = repo().search("l2", SearchRequest.of(v(1, 1), 2));
        assertThat(l2).extracting(m -> m.chunk().id()).containsExactly("near", "far");
        assertThat(l2.get(1).score()).isCloseTo(1 / (1 + 5.0), within(1e-6));
        List<SearchMatch> ip = repo().search("ip", SearchRequest.of(v(2, 0), 2));
        assertThat(ip).extracting(SearchMatch::score).containsExactly(6.0, 2.0);
    }

    @Test
    void should_filter_with_every_operator() {
        threeDocs();
        assertThat(ids(Filter.eq("lang", "en"))).containsExactly("a", "c");
        assertThat(ids(Filter.ne("lang", "en"))).containsExactly("b");
        assertThat(ids(Filter.ne("draft", true))).containsExactly("a", "b");
        assertThat(ids(Filter.in("year", List.of(2020, 2024)))).containsExactly("a", "c");
        assertThat(ids(Filter.gt("year", 2020))).containsExactly("b", "c");
        assertThat(ids(Filter.gte("year", 2022.0))).containsExactly("b", "c");
        assertThat(ids(Filter.lt("year", 2022))).containsExactly("a");
        assertThat(ids(Filter.lte("year", 2022))).containsExactly("a", "b");
        assertThat(ids(Filter.and(Filter.eq("lang", "en"), Filter.gt("year", 2021))))
                .containsExactly("c");
        assertThat(ids(Filter.or(Filter.eq("lang", "de"), Filter.eq("draft", true))))
                .containsExactly("b", "c");
        assertThat(ids(Filter.not(Filter.eq("lang", "en")))).containsExactly("b");
        assertThat(ids(Filter.eq("year", "2020"))).isEmpty();
        assertThat(ids(Filter.gt("lang", 5))).isEmpty();
    }

    @Test
    void should_return_k_results_whenever_k_rows_match_the_filter() {
        repo().createCollection(CollectionSpec.of("many", 8));
        Random random = new Random(42);
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            float[] vector = new float[8];
            for (int d = 0; d < 8; d++) {
                vector[d] = (float) random.nextGaussian();
            }
            chunks.add(chunk("c" + i, vector, Map.of("bucket", i % 10)));
        }
        repo().upsert("many", chunks);
        for (int q = 0; q < 12; q++) {
            float[] query = chunks.get(q).embedding();
            List<SearchMatch> found =
                    repo().search("many", SearchRequest.of(query, 10).withFilter(Filter.eq("bucket", 3)));
            assertThat(found)
                    .hasSize(10)
                    .allMatch(m -> m.chunk().metadata().get("bucket").equals(3L));
        }
    }

    @Test
    void should_upsert_replacing_by_id() {
        threeDocs();
        repo().upsert("docs", List.of(chunk("a", v(0, 0, 1), Map.of("lang", "fr"))));
        assertThat(repo().count("docs")).isEqualTo(3);
        assertThat(repo().get("docs", List.of("a")).get(0).metadata()).containsEntry("lang", "fr");
    }

    @Test
    void should_reject_a_batch_with_a_bad_vector_and_write_nothing() {
        threeDocs();
        List<Chunk> batch = List.of(chunk("d", v(1, 1, 1), Map.of()), chunk("e", v(1, 1), Map.of()));
        assertThatThrownBy(() -> repo().upsert("docs", batch)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Chunk.of("nan", "x", v(Float.NaN, 0, 0))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> repo().search("docs", SearchRequest.of(v(1, 0), 1)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(repo().count("docs")).isEqualTo(3);
    }

    @Test
    void should_replace_a_documents_chunks_atomically() {
        repo().createCollection(CollectionSpec.of("docs", 3));
        repo().replaceDocument(
                        "docs", "doc-1", List.of(chunk("p1", v(1, 0, 0), Map.of()), chunk("p2", v(0, 1, 0), Map.of())));
        repo().replaceDocument("docs", "doc-1", List.of(chunk("p3", v(0, 0, 1), Map.of())));
        assertThat(repo().list("docs", null, PageRequest.first(10)).items())
                .extracting(Chunk::id)
                .containsExactly("p3");
        assertThat(repo().get("docs", List.of("p3")).get(0).documentId()).isEqualTo("doc-1");
    }

    @Test
    void should_get_list_and_delete_without_a_query_vector() {
        threeDocs();
        repo().upsert(
                        "docs",
                        List.of(chunk("d", v(0, 0, 1), Map.of("lang", "en")).inDocument("doc-9")));
        assertThat(repo().get("docs", List.of("a", "zzz", "c")))
                .extracting(Chunk::id)
                .containsExactlyInAnyOrder("a", "c");
        Page<Chunk> first = repo().list("docs", Filter.eq("lang", "en"), PageRequest.first(2));
        assertThat(first.items()).extracting(Chunk::id).containsExactly("a", "c");
        assertThat(repo().list("docs", Filter.eq("lang", "en"), PageRequest.after(first.nextCursor(), 2))
                        .items())
                .extracting(Chunk::id)
                .containsExactly("d");
        assertThat(repo().deleteByDocument("docs", "doc-9")).isEqualTo(1);
        assertThat(repo().deleteByFilter("docs", Filter.eq("lang", "de"))).isEqualTo(1);
        assertThat(repo().deleteByIds("docs", List.of("a", "missing"))).isEqualTo(1);
        assertThat(repo().list("docs", null, PageRequest.first(10)).items())
                .extracting(Chunk::id)
                .containsExactly("c");
    }

    @Test
    void should_fuse_vector_and_text_rankings_in_hybrid_search() {
        repo().createCollection(CollectionSpec.of("hy", 2));
        repo().upsert(
                        "hy",
                        List.of(
                                Chunk.of("vec-only", "nothing relevant here", v(1, 0)),
                                Chunk.of("both", "pgvector hybrid search", v(0.9f, 0.1f)),
                                Chunk.of("text-only", "hybrid search explained", v(-1, 0))));
        List<SearchMatch> fused =
                repo().hybridSearch("hy", HybridSearchRequest.of(SearchRequest.of(v(1, 0), 3), "hybrid search"));
        assertThat(fused.get(0).chunk().id()).isEqualTo("both");
        assertThat(fused).extracting(m -> m.chunk().id()).contains("vec-only", "text-only");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-9));
    }

    @Test
    void should_keep_collections_of_different_dimensions_apart() {
        repo().createCollection(CollectionSpec.of("small", 2));
        repo().createCollection(CollectionSpec.of("large", 1536));
        float[] big = new float[1536];
        big[7] = 1;
        repo().upsert("large", List.of(Chunk.of("x", "big", big)));
        repo().upsert("small", List.of(Chunk.of("x", "small", v(1, 0))));
        assertThat(repo().search("large", SearchRequest.of(big, 1))
                        .get(0)
                        .chunk()
                        .content())
                .isEqualTo("big");
    }

    @Test
    void should_refuse_operations_on_an_unknown_collection() {
        assertThatThrownBy(() -> repo().upsert("nope", List.of(chunk("a", v(1), Map.of()))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> repo().search("nope", SearchRequest.of(v(1), 1)))
                .isInstanceOf(NotFoundException.class);
    }

    private List<String> ids(Filter filter) {
        List<String> found = repo().list("docs", filter, PageRequest.first(100)).items().stream()
                .map(Chunk::id)
                .toList();
        List<String> searched = repo()
                .search("docs", SearchRequest.of(v(1, 1, 1), 100).withFilter(filter))
                .stream()
                .map(m -> m.chunk().id())
                .sorted()
                .toList();
        assertThat(searched).isEqualTo(found);
        return found;
    }
}

package dev.agentstore.springai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.vector.VectorRepository;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.filter.Filter;
import org.springframework.ai.vectorstore.filter.FilterExpressionBuilder;

/**
 * {@link AgentstoreVectorStore} against every operator of Spring AI's filter expressions, in the text language and
 * built, and against {@code topK}, {@code similarityThreshold}, scores and the native client.
 */
abstract class VectorStoreFilterContract {
    private AgentstoreVectorStore store;

    /** The backend under test. */
    protected abstract AgentStore backend();

    @BeforeEach
    void documentsInAFreshTenant() {
        store = AgentstoreVectorStore.builder(
                        backend().forTenant("spring-ai-" + UUID.randomUUID()).vectors(), TestEmbeddingModel.INSTANCE)
                .collection("travel")
                .build();
        store.add(List.of(
                document("oslo", "Night trains leave Oslo for Bergen", Map.of("country", "NO", "year", 2020)),
                document("bergen", "Bergen is the rainiest city", Map.of("country", "NO", "year", 2023, "rain", true)),
                document("sofia", "Sofia lies below Vitosha mountain", Map.of("country", "BG", "year", 2021)),
                document("paris", "Paris has night buses too", Map.of("country", "FR"))));
    }

    @Test
    void should_filter_by_every_operator_of_the_text_language() {
        assertThat(ids("country == 'NO'")).containsExactlyInAnyOrder("oslo", "bergen");
        assertThat(ids("country != 'NO'")).containsExactlyInAnyOrder("sofia", "paris");
        assertThat(ids("year > 2020")).containsExactlyInAnyOrder("bergen", "sofia");
        assertThat(ids("year >= 2021 && year < 2023")).containsExactly("sofia");
        assertThat(ids("year <= 2020 || country == 'FR'")).containsExactlyInAnyOrder("oslo", "paris");
        assertThat(ids("country in ['BG', 'FR']")).containsExactlyInAnyOrder("sofia", "paris");
        assertThat(ids("country nin ['BG', 'FR']")).containsExactlyInAnyOrder("oslo", "bergen");
        assertThat(ids("NOT (country == 'NO')")).containsExactlyInAnyOrder("sofia", "paris");
        assertThat(ids("year IS NULL")).containsExactly("paris");
        assertThat(ids("year IS NOT NULL")).containsExactlyInAnyOrder("oslo", "bergen", "sofia");
        assertThat(ids("rain == true")).containsExactly("bergen");
    }

    @Test
    void should_filter_by_built_expressions_the_same_way() {
        FilterExpressionBuilder b = new FilterExpressionBuilder();
        assertThat(ids(b.and(b.eq("country", "NO"), b.gte("year", 2021)).build()))
                .containsExactly("bergen");
        assertThat(ids(b.or(b.in("country", "BG"), b.isNull("year")).build()))
                .containsExactlyInAnyOrder("sofia", "paris");
        assertThat(ids(b.not(b.nin("country", "NO", "BG")).build()))
                .containsExactlyInAnyOrder("oslo", "bergen", "sofia");
        assertThat(ids(b.ne("year", 2020).build())).containsExactlyInAnyOrder("bergen", "sofia", "paris");
        assertThat(ids(b.lt("year", 2021).build())).containsExactly("oslo");
        assertThat(ids(b.lte("year", 2021).build())).containsExactlyInAnyOrder("oslo", "sofia");
        assertThat(ids(b.gt("year", 2022).build())).containsExactly("bergen");
        assertThat(ids(b.isNotNull("rain").build())).containsExactly("bergen");
    }

    @Test
    void should_honour_top_k_the_similarity_threshold_and_report_scores_and_distance() {
        List<Document> best = store.similaritySearch(SearchRequest.builder()
                .query("night train to Bergen")
                .topK(2)
                .similarityThresholdAll()
                .build());
        assertThat(best).hasSize(2);
        assertThat(best.getFirst().getId()).isEqualTo("oslo");
        assertThat(best.getFirst().getScore()).isGreaterThan(best.get(1).getScore());
        assertThat((Double) best.getFirst().getMetadata().get(AgentstoreVectorStore.DISTANCE))
                .isCloseTo(1 - best.getFirst().getScore(), org.assertj.core.data.Offset.offset(1e-9));
        double threshold = best.getFirst().getScore() - 1e-6;
        assertThat(store.similaritySearch(SearchRequest.builder()
                        .query("night train to Bergen")
                        .topK(4)
                        .similarityThreshold(threshold)
                        .build()))
                .extracting(Document::getId)
                .containsExactly("oslo");
        assertThat(store.<VectorRepository>getNativeClient())
                .hasValueSatisfying(
                        vectors -> assertThat(vectors.count("travel")).isEqualTo(4));
    }

    @Test
    void should_replace_a_document_added_again_under_its_id() {
        store.add(List.of(document("paris", "Paris has night trains as well", Map.of("country", "FR", "year", 2024))));
        assertThat(ids("year == 2024")).containsExactly("paris");
        assertThat(store.<VectorRepository>getNativeClient().orElseThrow().count("travel"))
                .isEqualTo(4);
    }

    private List<String> ids(String filter) {
        return ids(SearchRequest.builder()
                .query("travel")
                .topK(10)
                .similarityThresholdAll()
                .filterExpression(filter)
                .build());
    }

    private List<String> ids(Filter.Expression filter) {
        return ids(SearchRequest.builder()
                .query("travel")
                .topK(10)
                .similarityThresholdAll()
                .filterExpression(filter)
                .build());
    }

    private List<String> ids(SearchRequest request) {
        return store.similaritySearch(request).stream().map(Document::getId).toList();
    }

    private static Document document(String id, String text, Map<String, Object> metadata) {
        return Document.builder().id(id).text(text).metadata(metadata).build();
    }
}

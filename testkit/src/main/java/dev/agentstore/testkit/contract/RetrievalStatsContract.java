package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.HybridSearchRequest;
import dev.agentstore.vector.RetrievalStats;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.VectorRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retrieval statistics: every match of a search counts for its chunk and document, with the last time, read back
 * per document, per chunk and as the most retrieved documents; tenants apart; gone with the document or collection.
 */
public abstract class RetrievalStatsContract extends StoreContract {
    private static final String KB = "kb";

    private VectorRepository vectors() {
        return store.vectors();
    }

    /** Two chunks of the manual, one of the faq, one chunk without a document. */
    @BeforeEach
    void seedCollection() {
        vectors().createCollection(CollectionSpec.of(KB, 3));
        vectors()
                .upsert(
                        KB,
                        List.of(
                                Chunk.of("m-1", "install the agent", new float[] {1, 0, 0})
                                        .inDocument("manual"),
                                Chunk.of("m-2", "configure the agent", new float[] {0.9f, 0.1f, 0})
                                        .inDocument("manual"),
                                Chunk.of("f-1", "frequent questions", new float[] {0, 1, 0})
                                        .inDocument("faq"),
                                Chunk.of("loose", "no document", new float[] {0, 0, 1})));
    }

    @Test
    void should_count_every_match_per_chunk_and_document_with_the_last_time() {
        Instant first = clock.instant();
        vectors().search(KB, SearchRequest.of(new float[] {1, 0, 0}, 2)); // m-1, m-2
        clock.advance(Duration.ofMinutes(5));
        vectors().search(KB, SearchRequest.of(new float[] {1, 0, 0}, 1)); // m-1
        vectors().hybridSearch(KB, HybridSearchRequest.of(SearchRequest.of(new float[] {0, 1, 0}, 1), "questions"));
        Instant last = clock.instant();

        assertThat(vectors().documentRetrievals(KB, "manual")).contains(new RetrievalStats("manual", null, 3, last));
        assertThat(vectors().chunkRetrievals(KB, "manual"))
                .containsExactly(
                        new RetrievalStats("manual", "m-1", 2, last), new RetrievalStats("manual", "m-2", 1, first));
        assertThat(vectors().mostRetrievedDocuments(KB, 10))
                .extracting(RetrievalStats::documentId, RetrievalStats::retrievals)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("manual", 3L),
                        org.assertj.core.groups.Tuple.tuple("faq", 1L));
        assertThat(vectors().mostRetrievedDocuments(KB, 1)).hasSize(1);
        assertThat(vectors().documentRetrievals(KB, "never-found")).isEmpty();
        assertThat(vectors().chunkRetrievals(KB, "never-found")).isEmpty();
    }

    @Test
    void should_keep_counting_across_writes_and_views_of_the_same_tenant() {
        for (int i = 0; i < 20; i++) {
            vectors().search(KB, SearchRequest.of(new float[] {0, 1, 0}, 1));
            if (i == 9) {
                assertThat(vectors().documentRetrievals(KB, "faq"))
                        .hasValueSatisfying(s -> assertThat(s.retrievals()).isEqualTo(10));
            }
        }
        assertThat(root().forTenant(store.tenant()).vectors().documentRetrievals(KB, "faq"))
                .hasValueSatisfying(s -> assertThat(s.retrievals()).isEqualTo(20));
    }

    @Test
    void should_keep_tenants_apart_and_forget_with_the_document_and_the_collection() {
        VectorRepository other = otherTenant().vectors();
        other.createCollection(CollectionSpec.of(KB, 3));
        other.upsert(
                KB, List.of(Chunk.of("m-1", "theirs", new float[] {1, 0, 0}).inDocument("manual")));
        other.search(KB, SearchRequest.of(new float[] {1, 0, 0}, 1));
        vectors().search(KB, SearchRequest.of(new float[] {1, 0, 0}, 4));

        assertThat(other.documentRetrievals(KB, "manual"))
                .hasValueSatisfying(s -> assertThat(s.retrievals()).isEqualTo(1));
        assertThat(vectors().documentRetrievals(KB, "manual"))
                .hasValueSatisfying(s -> assertThat(s.retrievals()).isEqualTo(2));

        vectors().deleteByDocument(KB, "manual");
        assertThat(vectors().documentRetrievals(KB, "manual")).isEmpty();
        assertThat(vectors().documentRetrievals(KB, "faq")).isPresent();
        assertThat(other.documentRetrievals(KB, "manual")).isPresent();

        vectors().search(KB, SearchRequest.of(new float[] {0, 1, 0}, 1));
        vectors().dropCollection(KB);
        vectors().createCollection(CollectionSpec.of(KB, 3));
        assertThat(vectors().mostRetrievedDocuments(KB, 10)).isEmpty();
    }

    @Test
    void should_reject_bad_arguments_naming_the_field() {
        assertThatThrownBy(() -> vectors().mostRetrievedDocuments(KB, 0))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> vectors().chunkRetrievals(KB, " "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("documentId"));
        assertThatThrownBy(() -> vectors().documentRetrievals("missing", "manual"))
                .isInstanceOf(NotFoundException.class);
    }
}

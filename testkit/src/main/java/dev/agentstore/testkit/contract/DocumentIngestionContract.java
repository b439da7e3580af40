package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.DocumentStatus;
import dev.agentstore.vector.IngestionStatus;
import dev.agentstore.vector.VectorRepository;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ingestion status of documents: processing, ready or failed with a reason, retried, listed and removed. */
public abstract class DocumentIngestionContract extends StoreContract {

    private VectorRepository vectors() {
        return store.vectors();
    }

    private static List<Chunk> chunks(String prefix) {
        return List.of(
                Chunk.of(prefix + "-1", "first part", new float[] {1, 0, 0}),
                Chunk.of(prefix + "-2", "second part", new float[] {0, 1, 0}));
    }

    @Test
    void should_go_from_processing_to_failed_and_after_a_retry_to_ready() {
        vectors().createCollection(CollectionSpec.of("kb", 3));
        assertThat(vectors().documentStatus("kb", "manual.pdf")).isEmpty();

        DocumentStatus started = vectors().startIngestion("kb", "manual.pdf");
        assertThat(started)
                .isEqualTo(new DocumentStatus("manual.pdf", IngestionStatus.PROCESSING, null, 1, clock.instant()));
        clock.advance(Duration.ofMinutes(1));
        DocumentStatus failed = vectors().failIngestion("kb", "manual.pdf", "the embedding service timed out");
        assertThat(failed.status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("the embedding service timed out");
        assertThat(failed.updatedAt()).isEqualTo(clock.instant());
        assertThatThrownBy(() -> vectors().failIngestion("kb", "manual.pdf", "again"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("FAILED");
        assertThat(vectors().documentStatus("kb", "manual.pdf")).contains(failed);

        DocumentStatus retried = vectors().startIngestion("kb", "manual.pdf");
        assertThat(retried.attempts()).isEqualTo(2);
        assertThat(retried.errorMessage()).isNull();
        vectors().replaceDocument("kb", "manual.pdf", chunks("m"));
        DocumentStatus ready = vectors().documentStatus("kb", "manual.pdf").orElseThrow();
        assertThat(ready.status()).isEqualTo(IngestionStatus.READY);
        assertThat(ready.attempts()).isEqualTo(2);
        assertThat(vectors().count("kb")).isEqualTo(2);
        assertThatThrownBy(() -> vectors().failIngestion("kb", "manual.pdf", "late"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void should_list_documents_by_status_in_pages_and_mark_written_documents_ready() {
        vectors().createCollection(CollectionSpec.of("kb", 3));
        vectors().replaceDocument("kb", "a", chunks("a")); // written without a start: ready, no attempts
        vectors().startIngestion("kb", "b");
        vectors().startIngestion("kb", "c");
        vectors().failIngestion("kb", "c", "unreadable");
        vectors().startIngestion("kb", "d");

        assertThat(vectors().documentStatus("kb", "a").orElseThrow())
                .extracting(DocumentStatus::status, DocumentStatus::attempts)
                .containsExactly(IngestionStatus.READY, 0);
        Page<DocumentStatus> first = vectors().documents("kb", null, PageRequest.first(3));
        assertThat(first.items()).extracting(DocumentStatus::documentId).containsExactly("a", "b", "c");
        assertThat(vectors()
                        .documents(
                                "kb",
                                null,
                                first.nextRequest(PageRequest.first(3)).orElseThrow())
                        .items())
                .extracting(DocumentStatus::documentId)
                .containsExactly("d");
        assertThat(vectors()
                        .documents("kb", IngestionStatus.PROCESSING, PageRequest.first(10))
                        .items())
                .extracting(DocumentStatus::documentId)
                .containsExactly("b", "d");
        assertThat(vectors()
                        .documents("kb", IngestionStatus.FAILED, PageRequest.first(10))
                        .items())
                .extracting(DocumentStatus::errorMessage)
                .containsExactly("unreadable");
    }

    @Test
    void should_refuse_unknown_documents_and_collections_and_remove_status_with_the_chunks() {
        vectors().createCollection(CollectionSpec.of("kb", 3));
        assertThatThrownBy(() -> vectors().failIngestion("kb", "ghost", "x"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("ghost");
        assertThatThrownBy(() -> vectors().startIngestion("nope", "a")).isInstanceOf(NotFoundException.class);
        assertThat(otherTenant().vectors().listCollections()).isEmpty();

        vectors().replaceDocument("kb", "a", chunks("a"));
        assertThat(vectors().deleteByDocument("kb", "a")).isEqualTo(2);
        assertThat(vectors().documentStatus("kb", "a")).isEmpty();

        vectors().startIngestion("kb", "b");
        vectors().dropCollection("kb");
        vectors().createCollection(CollectionSpec.of("kb", 3));
        assertThat(vectors().documentStatus("kb", "b")).isEmpty();
    }
}

package dev.agentstore.memory;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.spi.Cursors;
import dev.agentstore.spi.DocumentIngestion;
import dev.agentstore.spi.Pages;
import dev.agentstore.vector.DocumentStatus;
import dev.agentstore.vector.IngestionStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ingestion status of each collection's documents. Not thread-safe: {@link InMemoryVectorRepository} calls it
 * under its own lock, so a document's chunks and status change together.
 */
final class DocumentLedger {
    private final Clock clock;
    private final Map<String, TreeMap<String, DocumentStatus>> byCollection = new HashMap<>();

    DocumentLedger(Clock clock) {
        this.clock = clock;
    }

    void drop(String collection) {
        byCollection.remove(collection);
    }

    DocumentStatus start(String collection, String documentId) {
        int attempts =
                find(collection, documentId).map(DocumentStatus::attempts).orElse(0);
        return put(collection, documentId, IngestionStatus.PROCESSING, null, DocumentIngestion.nextAttempt(attempts));
    }

    DocumentStatus fail(String collection, String documentId, String errorMessage) {
        DocumentStatus current =
                find(collection, documentId).orElseThrow(() -> DocumentIngestion.unknown(collection, documentId));
        if (current.status() != IngestionStatus.PROCESSING) {
            throw DocumentIngestion.notProcessing(documentId, current.status());
        }
        return put(collection, documentId, IngestionStatus.FAILED, errorMessage, current.attempts());
    }

    void ready(String collection, String documentId) {
        int attempts =
                find(collection, documentId).map(DocumentStatus::attempts).orElse(0);
        put(collection, documentId, IngestionStatus.READY, null, attempts);
    }

    void forget(String collection, String documentId) {
        documents(collection).remove(documentId);
    }

    Optional<DocumentStatus> find(String collection, String documentId) {
        return Optional.ofNullable(documents(collection).get(documentId));
    }

    Page<DocumentStatus> page(String collection, IngestionStatus status, PageRequest page) {
        TreeMap<String, DocumentStatus> all = documents(collection);
        Map<String, DocumentStatus> tail =
                page.cursor() == null ? all : all.tailMap(Cursors.decode(page.cursor()), false);
        List<DocumentStatus> rows = tail.values().stream()
                .filter(d -> status == null || d.status() == status)
                .limit(page.limit() + 1L)
                .toList();
        return Pages.of(rows, page.limit(), DocumentStatus::documentId);
    }

    private DocumentStatus put(
            String collection, String documentId, IngestionStatus status, String error, int attempts) {
        DocumentStatus stored = new DocumentStatus(documentId, status, error, attempts, clock.instant());
        documents(collection).put(documentId, stored);
        return stored;
    }

    private TreeMap<String, DocumentStatus> documents(String collection) {
        return byCollection.computeIfAbsent(collection, c -> new TreeMap<>());
    }
}

package dev.agentstore.memory;

import dev.agentstore.vector.RetrievalStats;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How often each collection's chunks were returned by searches. Not thread-safe: {@link InMemoryVectorRepository}
 * calls it under its own lock.
 */
final class RetrievalLedger {
    /** Most retrieved first, then by the given id. */
    private static final Comparator<RetrievalStats> BY_CHUNK =
            Comparator.comparingLong(RetrievalStats::retrievals).reversed().thenComparing(RetrievalStats::chunkId);

    private static final Comparator<RetrievalStats> BY_DOCUMENT =
            Comparator.comparingLong(RetrievalStats::retrievals).reversed().thenComparing(RetrievalStats::documentId);

    private final Map<String, Map<String, RetrievalStats>> byCollection = new HashMap<>();

    /** Adds each increment to its chunk's count, keeping the later time. */
    void add(String collection, List<RetrievalStats> increments) {
        Map<String, RetrievalStats> chunks = byCollection.computeIfAbsent(collection, c -> new HashMap<>());
        for (RetrievalStats more : increments) {
            chunks.merge(
                    more.chunkId(),
                    more,
                    (had, added) -> new RetrievalStats(
                            added.documentId(),
                            had.chunkId(),
                            had.retrievals() + added.retrievals(),
                            later(had.lastRetrievedAt(), added.lastRetrievedAt())));
        }
    }

    void drop(String collection) {
        byCollection.remove(collection);
    }

    void forget(String collection, String documentId) {
        Map<String, RetrievalStats> chunks = byCollection.get(collection);
        if (chunks != null) {
            chunks.values().removeIf(s -> documentId.equals(s.documentId()));
        }
    }

    Optional<RetrievalStats> document(String collection, String documentId) {
        List<RetrievalStats> ofDocument = chunks(collection, documentId);
        return ofDocument.stream()
                .reduce((a, b) -> new RetrievalStats(
                        documentId,
                        null,
                        a.retrievals() + b.retrievals(),
                        later(a.lastRetrievedAt(), b.lastRetrievedAt())))
                .map(total -> new RetrievalStats(documentId, null, total.retrievals(), total.lastRetrievedAt()));
    }

    List<RetrievalStats> chunks(String collection, String documentId) {
        return byCollection.getOrDefault(collection, Map.of()).values().stream()
                .filter(s -> documentId.equals(s.documentId()))
                .sorted(BY_CHUNK)
                .toList();
    }

    List<RetrievalStats> mostRetrieved(String collection, int limit) {
        return byCollection.getOrDefault(collection, Map.of()).values().stream()
                .filter(s -> s.documentId() != null)
                .collect(Collectors.groupingBy(RetrievalStats::documentId))
                .keySet()
                .stream()
                .map(documentId -> document(collection, documentId).orElseThrow())
                .sorted(BY_DOCUMENT)
                .limit(limit)
                .toList();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

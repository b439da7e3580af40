package dev.agentstore.spi;

import dev.agentstore.vector.RetrievalStats;
import java.util.List;

/**
 * What a backend's {@link dev.agentstore.vector.VectorRepository} implements to keep retrieval statistics: core
 * counts each search's matches in memory and hands the counts over in batches. A backend adds each increment to
 * the chunk's stored count (and its document's) and keeps the later of the stored and given times; increments for
 * a collection that no longer exists are dropped. Called from a background thread and before retrieval reads.
 */
public interface RetrievalRecorder {
    /**
     * Adds {@code increments} (one per chunk: its document, how many more retrievals, the latest time) to the
     * collection's statistics, atomically.
     */
    void recordRetrievals(String collection, List<RetrievalStats> increments);
}

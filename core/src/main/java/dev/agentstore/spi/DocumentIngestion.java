package dev.agentstore.spi;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.vector.IngestionStatus;

/** The rules of document ingestion status every backend shares: only a document being processed can fail. */
public final class DocumentIngestion {
    private DocumentIngestion() {}

    /** The attempt count a started ingestion gets: one more than before (0 for a document never started). */
    public static int nextAttempt(int attempts) {
        return attempts == Integer.MAX_VALUE ? attempts : attempts + 1;
    }

    /** No status for the document in the collection. */
    public static NotFoundException unknown(String collection, String documentId) {
        return new NotFoundException(
                "no ingestion of document '" + documentId + "' in vector collection '" + collection + "'");
    }

    /** A failure reported for a document that is not being processed. */
    public static ConflictException notProcessing(String documentId, IngestionStatus current) {
        return new ConflictException("document '" + documentId + "' is " + current + ", not PROCESSING: only an"
                + " ingestion in progress can fail");
    }
}

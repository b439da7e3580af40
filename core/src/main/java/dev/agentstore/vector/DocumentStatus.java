package dev.agentstore.vector;

import java.time.Instant;

/**
 * A document's ingestion status in a collection.
 *
 * @param documentId the document, as its chunks name it
 * @param status where its ingestion stands
 * @param errorMessage why the last attempt failed, only when {@link IngestionStatus#FAILED}, otherwise null
 * @param attempts how many times its ingestion was started
 * @param updatedAt when the status last changed
 */
public record DocumentStatus(
        String documentId, IngestionStatus status, String errorMessage, int attempts, Instant updatedAt) {}

package dev.agentstore.vector;

/** Where a document's ingestion stands (seed 002's document status). */
public enum IngestionStatus {
    /** Being chunked and embedded: {@link VectorRepository#startIngestion} was called. */
    PROCESSING,
    /** Its chunks are stored: {@link VectorRepository#replaceDocument} wrote them. */
    READY,
    /** The last attempt failed: {@link VectorRepository#failIngestion} says why; start again to retry. */
    FAILED
}

package dev.agentstore.vector;

import dev.agentstore.ConflictException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.internal.Check;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Vector collections of one tenant. Thread-safe. Every operation on a collection that does not exist throws
 * {@link dev.agentstore.NotFoundException}; vectors of the wrong dimension or with NaN or infinite components
 * are rejected before anything is written.
 */
public interface VectorRepository {

    /** Creates a collection. Throws {@link dev.agentstore.ConflictException} if the name is taken. */
    CollectionSpec createCollection(CollectionSpec spec);

    /** The collection with this name. */
    Optional<CollectionSpec> findCollection(String name);

    /**
     * The collection named {@code spec.name()}: the existing one as it is (whatever its spec), or else one created
     * from {@code spec}, also when another caller creates it at the same time. For code that owns a collection by
     * name, such as a framework adapter started on every application start.
     */
    default CollectionSpec findOrCreateCollection(CollectionSpec spec) {
        Check.present("spec", spec);
        Optional<CollectionSpec> existing = findCollection(spec.name());
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return createCollection(spec);
        } catch (ConflictException e) {
            return findCollection(spec.name()).orElseThrow(() -> e);
        }
    }

    /** All collections, by name. */
    List<CollectionSpec> listCollections();

    /**
     * Drops a collection and all its chunks.
     *
     * @return whether it existed
     */
    boolean dropCollection(String name);

    /**
     * Rebuilds the collection's index from the rows it holds now, without blocking writes while it builds.
     * IVFFlat learns its lists from the data, so build it after a bulk load; HNSW indexes are maintained on every
     * write and rarely need this. Exact (unindexed) collections and exact backends have nothing to rebuild.
     */
    void rebuildIndex(String collection);

    /** Inserts chunks, replacing those with the same ids, atomically. An empty list is a no-op. */
    void upsert(String collection, List<Chunk> chunks);

    /**
     * Replaces all chunks of a document with {@code chunks} atomically (each chunk's document id is set to
     * {@code documentId}), and in the same step marks the document {@link IngestionStatus#READY}.
     */
    void replaceDocument(String collection, String documentId, List<Chunk> chunks);

    /**
     * Marks a document as being ingested, for apps that chunk and embed asynchronously: {@link
     * IngestionStatus#PROCESSING}, one more attempt, no error. It may be called in any status: again on a failed
     * document to retry it, on a ready one to re-ingest it, on one still processing to take over from a worker
     * that died. The ingestion ends with {@link #replaceDocument} (ready) or {@link #failIngestion}.
     */
    DocumentStatus startIngestion(String collection, String documentId);

    /**
     * Marks a document's ingestion as failed with the reason; its chunks, if any, stay as they were. Throws
     * {@link dev.agentstore.ConflictException} unless the document is {@link IngestionStatus#PROCESSING}.
     */
    DocumentStatus failIngestion(String collection, String documentId, String errorMessage);

    /** A document's ingestion status; empty for a document never started nor written with replaceDocument. */
    Optional<DocumentStatus> documentStatus(String collection, String documentId);

    /** The documents of a collection in a status (null for any), ordered by document id, keyset-paged. */
    Page<DocumentStatus> documents(String collection, IngestionStatus status, PageRequest page);

    /** The chunks with these ids, in no particular order; unknown ids are skipped. */
    List<Chunk> get(String collection, Collection<String> ids);

    /** Chunks passing {@code filter} (null for all), ordered by id, keyset-paged. No query vector needed. */
    Page<Chunk> list(String collection, Filter filter, PageRequest page);

    /** How many chunks the collection holds. */
    long count(String collection);

    /**
     * Deletes chunks by id.
     *
     * @return how many existed
     */
    long deleteByIds(String collection, Collection<String> ids);

    /**
     * Deletes every chunk of a document, and its ingestion status.
     *
     * @return how many were deleted
     */
    long deleteByDocument(String collection, String documentId);

    /**
     * Deletes every chunk passing {@code filter}.
     *
     * @return how many were deleted
     */
    long deleteByFilter(String collection, Filter filter);

    /**
     * The best matches, best first, at most {@code topK}. When the filter matches at least {@code topK} chunks
     * that reach the minimum score, exactly {@code topK} come back.
     *
     * @throws dev.agentstore.InvalidInputException naming {@code request.vector} when the query vector's dimension is
     *     not the collection's (backends check it with {@link dev.agentstore.spi.VectorDimensions})
     */
    List<SearchMatch> search(String collection, SearchRequest request);

    /**
     * Vector and full-text rankings fused by reciprocal rank, best first, at most {@code topK}; the query vector is
     * checked as by {@link #search}.
     */
    List<SearchMatch> hybridSearch(String collection, HybridSearchRequest request);

    /**
     * How often searches returned the document's chunks in all, and when last; empty if never. Searches count their
     * matches in memory and write the counts in batches ({@code vectors.retrieval-stats-interval}), so a search costs
     * no extra write; a read here first writes what this store has pending for the collection.
     */
    Optional<RetrievalStats> documentRetrievals(String collection, String documentId);

    /** The same per chunk of the document, most retrieved first (then by chunk id); empty if never. */
    List<RetrievalStats> chunkRetrievals(String collection, String documentId);

    /** The collection's most retrieved documents, most first (then by document id), at most {@code limit}. */
    List<RetrievalStats> mostRetrievedDocuments(String collection, int limit);
}

package dev.agentstore.internal.retrieval;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.spi.RetrievalRecorder;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.DocumentStatus;
import dev.agentstore.vector.Filter;
import dev.agentstore.vector.HybridSearchRequest;
import dev.agentstore.vector.IngestionStatus;
import dev.agentstore.vector.RetrievalStats;
import dev.agentstore.vector.SearchMatch;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.VectorRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's vectors with their searches counted: each search's matches go to the store's {@link RetrievalCounts}
 * after the backend answered; retrieval reads and document deletes write the collection's pending counts first,
 * and dropping a collection forgets them.
 */
public final class CountingVectorRepository implements VectorRepository {
    private final VectorRepository backend;
    private final RetrievalRecorder recorder;
    private final RetrievalCounts counts;
    private final String tenant;

    /** Counts the searches of {@code backend}, which must be a {@link RetrievalRecorder}, into {@code counts}. */
    public CountingVectorRepository(VectorRepository backend, RetrievalCounts counts, String tenant) {
        this.backend = backend;
        this.recorder = (RetrievalRecorder) backend;
        this.counts = counts;
        this.tenant = tenant;
    }

    @Override
    public List<SearchMatch> search(String collection, SearchRequest request) {
        List<SearchMatch> matches = backend.search(collection, request);
        counts.count(tenant, collection, recorder, matches);
        return matches;
    }

    @Override
    public List<SearchMatch> hybridSearch(String collection, HybridSearchRequest request) {
        List<SearchMatch> matches = backend.hybridSearch(collection, request);
        counts.count(tenant, collection, recorder, matches);
        return matches;
    }

    @Override
    public Optional<RetrievalStats> documentRetrievals(String collection, String documentId) {
        counts.write(tenant, collection);
        return backend.documentRetrievals(collection, documentId);
    }

    @Override
    public List<RetrievalStats> chunkRetrievals(String collection, String documentId) {
        counts.write(tenant, collection);
        return backend.chunkRetrievals(collection, documentId);
    }

    @Override
    public List<RetrievalStats> mostRetrievedDocuments(String collection, int limit) {
        counts.write(tenant, collection);
        return backend.mostRetrievedDocuments(collection, limit);
    }

    @Override
    public boolean dropCollection(String name) {
        counts.discard(tenant, name);
        return backend.dropCollection(name);
    }

    @Override
    public long deleteByDocument(String collection, String documentId) {
        counts.write(tenant, collection);
        return backend.deleteByDocument(collection, documentId);
    }

    @Override
    public CollectionSpec createCollection(CollectionSpec spec) {
        return backend.createCollection(spec);
    }

    @Override
    public Optional<CollectionSpec> findCollection(String name) {
        return backend.findCollection(name);
    }

    @Override
    public List<CollectionSpec> listCollections() {
        return backend.listCollections();
    }

    @Override
    public void rebuildIndex(String collection) {
        backend.rebuildIndex(collection);
    }

    @Override
    public void upsert(String collection, List<Chunk> chunks) {
        backend.upsert(collection, chunks);
    }

    @Override
    public void replaceDocument(String collection, String documentId, List<Chunk> chunks) {
        backend.replaceDocument(collection, documentId, chunks);
    }

    @Override
    public DocumentStatus startIngestion(String collection, String documentId) {
        return backend.startIngestion(collection, documentId);
    }

    @Override
    public DocumentStatus failIngestion(String collection, String documentId, String errorMessage) {
        return backend.failIngestion(collection, documentId, errorMessage);
    }

    @Override
    public Optional<DocumentStatus> documentStatus(String collection, String documentId) {
        return backend.documentStatus(collection, documentId);
    }

    @Override
    public Page<DocumentStatus> documents(String collection, IngestionStatus status, PageRequest page) {
        return backend.documents(collection, status, page);
    }

    @Override
    public List<Chunk> get(String collection, Collection<String> ids) {
        return backend.get(collection, ids);
    }

    @Override
    public Page<Chunk> list(String collection, Filter filter, PageRequest page) {
        return backend.list(collection, filter, page);
    }

    @Override
    public long count(String collection) {
        return backend.count(collection);
    }

    @Override
    public long deleteByIds(String collection, Collection<String> ids) {
        return backend.deleteByIds(collection, ids);
    }

    @Override
    public long deleteByFilter(String collection, Filter filter) {
        return backend.deleteByFilter(collection, filter);
    }
}

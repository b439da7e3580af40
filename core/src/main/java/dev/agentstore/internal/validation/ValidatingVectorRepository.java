package dev.agentstore.internal.validation;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Limits;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.FilterShape;
import dev.agentstore.internal.OpenGuard;
import dev.agentstore.internal.WriteLimits;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks every argument, including vector dimensions against the collection, before the backend sees it. */
public final class ValidatingVectorRepository implements VectorRepository {
    private final OpenGuard open;
    private final VectorRepository backend;
    private final WriteLimits limits;

    public ValidatingVectorRepository(OpenGuard open, VectorRepository backend, WriteLimits limits) {
        this.open = open;
        this.backend = backend;
        this.limits = limits;
    }

    @Override
    public CollectionSpec createCollection(CollectionSpec spec) {
        open.check();
        return backend.createCollection(Check.present("spec", spec));
    }

    @Override
    public Optional<CollectionSpec> findCollection(String name) {
        open.check();
        return backend.findCollection(Check.name("collection", name));
    }

    @Override
    public List<CollectionSpec> listCollections() {
        open.check();
        return backend.listCollections();
    }

    @Override
    public boolean dropCollection(String name) {
        open.check();
        return backend.dropCollection(Check.name("collection", name));
    }

    @Override
    public void rebuildIndex(String collection) {
        open.check();
        backend.rebuildIndex(Check.name("collection", collection));
    }

    @Override
    public void upsert(String collection, List<Chunk> chunks) {
        open.check();
        List<Chunk> batch = chunks(collection, chunks);
        if (!batch.isEmpty()) {
            backend.upsert(collection, batch);
        }
    }

    @Override
    public void replaceDocument(String collection, String documentId, List<Chunk> chunks) {
        open.check();
        Check.name("documentId", documentId);
        List<Chunk> batch = chunks(collection, chunks).stream()
                .map(c -> c.inDocument(documentId))
                .toList();
        backend.replaceDocument(collection, documentId, batch);
    }

    @Override
    public DocumentStatus startIngestion(String collection, String documentId) {
        open.check();
        return backend.startIngestion(Check.name("collection", collection), Check.name("documentId", documentId));
    }

    @Override
    public DocumentStatus failIngestion(String collection, String documentId, String errorMessage) {
        open.check();
        return backend.failIngestion(
                Check.name("collection", collection),
                Check.name("documentId", documentId),
                Check.text("errorMessage", errorMessage, Limits.MAX_METADATA_STRING_CHARS));
    }

    @Override
    public Optional<DocumentStatus> documentStatus(String collection, String documentId) {
        open.check();
        return backend.documentStatus(Check.name("collection", collection), Check.name("documentId", documentId));
    }

    @Override
    public Page<DocumentStatus> documents(String collection, IngestionStatus status, PageRequest page) {
        open.check();
        return backend.documents(Check.name("collection", collection), status, Check.present("page", page));
    }

    @Override
    public List<Chunk> get(String collection, Collection<String> ids) {
        open.check();
        return backend.get(Check.name("collection", collection), ids(ids));
    }

    @Override
    public Page<Chunk> list(String collection, Filter filter, PageRequest page) {
        open.check();
        return backend.list(
                Check.name("collection", collection), FilterShape.check("filter", filter), Check.present("page", page));
    }

    @Override
    public long count(String collection) {
        open.check();
        return backend.count(Check.name("collection", collection));
    }

    @Override
    public long deleteByIds(String collection, Collection<String> ids) {
        open.check();
        return backend.deleteByIds(Check.name("collection", collection), ids(ids));
    }

    @Override
    public long deleteByDocument(String collection, String documentId) {
        open.check();
        return backend.deleteByDocument(Check.name("collection", collection), Check.name("documentId", documentId));
    }

    @Override
    public long deleteByFilter(String collection, Filter filter) {
        open.check();
        return backend.deleteByFilter(
                Check.name("collection", collection), FilterShape.check("filter", Check.present("filter", filter)));
    }

    @Override
    public List<SearchMatch> search(String collection, SearchRequest request) {
        open.check();
        Check.present("request", request);
        FilterShape.check("request.filter", request.filter());
        Check.name("collection", collection);
        // the query vector's dimension is checked by the backend, against the collection it searches
        return backend.search(collection, request);
    }

    @Override
    public List<SearchMatch> hybridSearch(String collection, HybridSearchRequest request) {
        open.check();
        Check.present("request", request);
        FilterShape.check("request.search.filter", request.search().filter());
        Check.name("collection", collection);
        return backend.hybridSearch(collection, request);
    }

    private List<Chunk> chunks(String collection, List<Chunk> chunks) {
        List<Chunk> batch = List.copyOf(Check.batch("chunks", chunks, Limits.MAX_CHUNK_BATCH));
        for (int i = 0; i < batch.size(); i++) {
            if (!batch.get(i).hasEmbedding()) {
                throw new InvalidInputException(
                        "chunks[" + i + "].embedding",
                        "must be present (the chunk came from a search without embeddings: search with"
                                + " SearchRequest.withEmbeddings() to write it back)");
            }
        }
        limits.chunks("chunks", batch);
        int dimension = spec(collection).dimension();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            Chunk chunk = batch.get(i);
            if (chunk.embedding().length != dimension) {
                throw new InvalidInputException(
                        "chunks[" + i + "].embedding",
                        "must have dimension " + dimension + ", but had " + chunk.embedding().length);
            }
            if (!ids.add(chunk.id())) {
                throw new InvalidInputException("chunks[" + i + "].id", "repeats the id '" + chunk.id() + "'");
            }
        }
        return batch;
    }

    private CollectionSpec spec(String collection) {
        Check.name("collection", collection);
        return backend.findCollection(collection)
                .orElseThrow(() -> new NotFoundException("no vector collection named '" + collection + "'"));
    }

    private static Collection<String> ids(Collection<String> ids) {
        Check.batch("ids", ids, Limits.MAX_CHUNK_BATCH);
        ids.forEach(id -> Check.name("ids", id));
        return List.copyOf(ids);
    }

    @Override
    public Optional<RetrievalStats> documentRetrievals(String collection, String documentId) {
        open.check();
        return backend.documentRetrievals(Check.name("collection", collection), Check.name("documentId", documentId));
    }

    @Override
    public List<RetrievalStats> chunkRetrievals(String collection, String documentId) {
        open.check();
        return backend.chunkRetrievals(Check.name("collection", collection), Check.name("documentId", documentId));
    }

    @Override
    public List<RetrievalStats> mostRetrievedDocuments(String collection, int limit) {
        open.check();
        return backend.mostRetrievedDocuments(
                Check.name("collection", collection), Check.range("limit", limit, 1, Limits.MAX_PAGE_SIZE));
    }
}

package dev.agentstore.memory;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.spi.Cursors;
import dev.agentstore.spi.Pages;
import dev.agentstore.spi.RetrievalRecorder;
import dev.agentstore.spi.TextMatch;
import dev.agentstore.spi.VectorDimensions;
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
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Vector collections of one tenant in memory, searched exactly (the ground truth for approximate indexes). */
final class InMemoryVectorRepository implements VectorRepository, RetrievalRecorder {
    private final Map<String, CollectionSpec> specs = new TreeMap<>();
    private final Map<String, TreeMap<String, Chunk>> chunks = new HashMap<>();
    private final DocumentLedger documents;
    private final RetrievalLedger retrievals = new RetrievalLedger();

    InMemoryVectorRepository(Clock clock) {
        this.documents = new DocumentLedger(clock);
    }

    @Override
    public synchronized CollectionSpec createCollection(CollectionSpec spec) {
        if (specs.putIfAbsent(spec.name(), spec) != null) {
            throw new ConflictException("a vector collection named '" + spec.name() + "' already exists");
        }
        chunks.put(spec.name(), new TreeMap<>());
        return spec;
    }

    @Override
    public synchronized Optional<CollectionSpec> findCollection(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    @Override
    public synchronized List<CollectionSpec> listCollections() {
        return List.copyOf(specs.values());
    }

    @Override
    public synchronized boolean dropCollection(String name) {
        chunks.remove(name);
        documents.drop(name);
        retrievals.drop(name);
        return specs.remove(name) != null;
    }

    /** Exact search has no index to rebuild. */
    @Override
    public synchronized void rebuildIndex(String collection) {
        require(collection);
    }

    @Override
    public synchronized void upsert(String collection, List<Chunk> batch) {
        TreeMap<String, Chunk> stored = require(collection);
        batch.forEach(c -> stored.put(c.id(), c));
    }

    @Override
    public synchronized void replaceDocument(String collection, String documentId, List<Chunk> batch) {
        TreeMap<String, Chunk> stored = require(collection);
        stored.values().removeIf(c -> documentId.equals(c.documentId()));
        batch.forEach(c -> stored.put(c.id(), c));
        documents.ready(collection, documentId);
    }

    @Override
    public synchronized DocumentStatus startIngestion(String collection, String documentId) {
        require(collection);
        return documents.start(collection, documentId);
    }

    @Override
    public synchronized DocumentStatus failIngestion(String collection, String documentId, String errorMessage) {
        require(collection);
        return documents.fail(collection, documentId, errorMessage);
    }

    @Override
    public synchronized Optional<DocumentStatus> documentStatus(String collection, String documentId) {
        require(collection);
        return documents.find(collection, documentId);
    }

    @Override
    public synchronized Page<DocumentStatus> documents(String collection, IngestionStatus status, PageRequest page) {
        require(collection);
        return documents.page(collection, status, page);
    }

    @Override
    public synchronized List<Chunk> get(String collection, Collection<String> ids) {
        TreeMap<String, Chunk> stored = require(collection);
        return ids.stream().distinct().map(stored::get).filter(c -> c != null).toList();
    }

    @Override
    public synchronized Page<Chunk> list(String collection, Filter filter, PageRequest page) {
        TreeMap<String, Chunk> stored = require(collection);
        Map<String, Chunk> tail = page.cursor() == null ? stored : stored.tailMap(Cursors.decode(page.cursor()), false);
        List<Chunk> matching = tail.values().stream()
                .filter(c -> filter == null || filter.test(c.metadata()))
                .limit(page.limit() + 1L)
                .toList();
        return Pages.of(matching, page.limit(), Chunk::id);
    }

    @Override
    public synchronized long count(String collection) {
        return require(collection).size();
    }

    @Override
    public synchronized long deleteByIds(String collection, Collection<String> ids) {
        TreeMap<String, Chunk> stored = require(collection);
        return ids.stream().distinct().filter(id -> stored.remove(id) != null).count();
    }

    @Override
    public synchronized long deleteByDocument(String collection, String documentId) {
        long removed = removeIf(collection, c -> documentId.equals(c.documentId()));
        documents.forget(collection, documentId);
        retrievals.forget(collection, documentId);
        return removed;
    }

    @Override
    public synchronized long deleteByFilter(String collection, Filter filter) {
        return removeIf(collection, c -> filter.test(c.metadata()));
    }

    @Override
    public synchronized List<SearchMatch> search(String collection, SearchRequest request) {
        TreeMap<String, Chunk> stored = require(collection);
        CollectionSpec spec = specs.get(collection);
        VectorDimensions.check("request.vector", request.vector(), spec);
        float[] query = spec.elementType().round(request.vector());
        return stored.values().stream()
                .filter(c -> request.filter() == null || request.filter().test(c.metadata()))
                .map(c -> new SearchMatch(
                        c, spec.metric().score(query, spec.elementType().round(c.embedding()))))
                .filter(m -> m.score() >= request.minScore())
                .sorted(Comparator.comparingDouble(SearchMatch::score)
                        .reversed()
                        .thenComparing(m -> m.chunk().id()))
                .limit(request.topK())
                .map(m -> new SearchMatch(returned(m.chunk(), request), m.score()))
                .toList();
    }

    @Override
    public synchronized List<SearchMatch> hybridSearch(String collection, HybridSearchRequest request) {
        SearchRequest vector = request.search();
        List<SearchMatch> byVector = search(collection, vector.withTopK(request.candidates()));
        List<String> words = TextMatch.words(request.text());
        List<SearchMatch> byText = require(collection).values().stream()
                .filter(c -> vector.filter() == null || vector.filter().test(c.metadata()))
                .map(c -> new SearchMatch(returned(c, vector), TextMatch.score(words, c.content())))
                .filter(m -> m.score() > 0)
                .sorted(Comparator.comparingDouble(SearchMatch::score)
                        .reversed()
                        .thenComparing(m -> m.chunk().id()))
                .limit(request.candidates())
                .toList();
        return dev.agentstore.spi.ReciprocalRankFusion.fuse(
                List.of(byVector, byText), request.rankConstant(), vector.topK());
    }

    /** The chunk as a match returns it: with its embedding only when the search asked for it. */
    private static Chunk returned(Chunk chunk, SearchRequest request) {
        return request.includeEmbeddings() ? chunk : chunk.withoutEmbedding();
    }

    private long removeIf(String collection, java.util.function.Predicate<Chunk> condition) {
        TreeMap<String, Chunk> stored = require(collection);
        int before = stored.size();
        stored.values().removeIf(condition);
        return before - stored.size();
    }

    private TreeMap<String, Chunk> require(String collection) {
        TreeMap<String, Chunk> stored = chunks.get(collection);
        if (stored == null) {
            throw new NotFoundException("no vector collection named '" + collection + "'");
        }
        return stored;
    }

    @Override
    public synchronized void recordRetrievals(String collection, List<RetrievalStats> increments) {
        if (specs.containsKey(collection)) { // a collection dropped meanwhile takes its counts with it
            retrievals.add(collection, increments);
        }
    }

    @Override
    public synchronized Optional<RetrievalStats> documentRetrievals(String collection, String documentId) {
        require(collection);
        return retrievals.document(collection, documentId);
    }

    @Override
    public synchronized List<RetrievalStats> chunkRetrievals(String collection, String documentId) {
        require(collection);
        return retrievals.chunks(collection, documentId);
    }

    @Override
    public synchronized List<RetrievalStats> mostRetrievedDocuments(String collection, int limit) {
        require(collection);
        return retrievals.mostRetrieved(collection, limit);
    }
}

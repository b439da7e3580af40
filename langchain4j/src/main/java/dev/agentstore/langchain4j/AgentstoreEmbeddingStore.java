package dev.agentstore.langchain4j;

import static dev.langchain4j.internal.ValidationUtils.ensureNotEmpty;
import static dev.langchain4j.internal.ValidationUtils.ensureNotNull;

import dev.agentstore.langchain4j.internal.FilterMapping;
import dev.agentstore.langchain4j.internal.MetadataMapping;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.DistanceMetric;
import dev.agentstore.vector.HybridSearchRequest;
import dev.agentstore.vector.IndexSettings;
import dev.agentstore.vector.SearchMatch;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.VectorRepository;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.RelevanceScore;
import dev.langchain4j.store.embedding.filter.Filter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * LangChain4j's {@link EmbeddingStore} over one agentstore vector collection, on whichever backend serves vectors
 * (pgvector, or the in-memory default): segments and their metadata are chunks; {@code addAll} goes through
 * agentstore's bulk path (binary COPY for large batches); every LangChain4j filter runs in SQL; scores follow
 * LangChain4j's relevance convention ({@code (cosine + 1) / 2}).
 *
 * <pre>{@code
 * EmbeddingStore<TextSegment> store = AgentstoreEmbeddingStore.builder(agentStore.vectors())
 *         .collection("docs").dimension(384).build();
 * store.addAll(embeddings, segments);
 * store.search(EmbeddingSearchRequest.builder().queryEmbedding(q).query("night trains").maxResults(5).build());
 * }</pre>
 *
 * <p>A request that carries query text is a hybrid search: agentstore's vector ranking and full-text ranking fused by
 * reciprocal rank decide the order (a passage that names the query's words climbs), while each match's score stays
 * its vector relevance and {@code minScore} applies to it. {@link #hybrid(boolean) Switch it off} for pure vector
 * order. Thread-safe.
 */
public final class AgentstoreEmbeddingStore implements EmbeddingStore<TextSegment> {
    private final VectorRepository vectors;
    private final CollectionSpec spec;
    private final boolean hybrid;

    private AgentstoreEmbeddingStore(VectorRepository vectors, CollectionSpec spec, boolean hybrid) {
        this.vectors = vectors;
        this.spec = spec;
        this.hybrid = hybrid;
    }

    /** A builder over {@code vectors}, typically {@code store.forTenant(tenant).vectors()}. */
    public static Builder builder(VectorRepository vectors) {
        return new Builder(Objects.requireNonNull(vectors, "vectors"));
    }

    /** The same store, searching with ({@code true}) or without hybrid ranking when a request carries query text. */
    public AgentstoreEmbeddingStore hybrid(boolean enabled) {
        return new AgentstoreEmbeddingStore(vectors, spec, enabled);
    }

    @Override
    public String add(Embedding embedding) {
        String id = UUID.randomUUID().toString();
        add(id, embedding);
        return id;
    }

    @Override
    public void add(String id, Embedding embedding) {
        addAll(List.of(id), List.of(embedding), null);
    }

    @Override
    public String add(Embedding embedding, TextSegment segment) {
        String id = UUID.randomUUID().toString();
        addAll(List.of(id), List.of(embedding), List.of(segment));
        return id;
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings) {
        List<String> ids = generateIds(embeddings.size());
        addAll(ids, embeddings, null);
        return ids;
    }

    /** Upserts by id, in one call of agentstore's bulk path; {@code segments} may be null (embeddings only). */
    @Override
    public void addAll(List<String> ids, List<Embedding> embeddings, List<TextSegment> segments) {
        ensureNotNull(ids, "ids");
        ensureNotNull(embeddings, "embeddings");
        if (ids.size() != embeddings.size() || (segments != null && segments.size() != embeddings.size())) {
            throw new IllegalArgumentException("ids, embeddings and segments must have the same size");
        }
        List<Chunk> chunks = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            TextSegment segment = segments == null ? null : segments.get(i);
            chunks.add(
                    segment == null
                            ? Chunk.of(ids.get(i), "", embeddings.get(i).vector())
                            : Chunk.of(
                                            ids.get(i),
                                            segment.text(),
                                            embeddings.get(i).vector())
                                    .withMetadata(MetadataMapping.toStore(segment.metadata())));
        }
        vectors.upsert(spec.name(), chunks);
    }

    @Override
    public void removeAll(Collection<String> ids) {
        ensureNotEmpty(ids, "ids");
        vectors.deleteByIds(spec.name(), ids);
    }

    @Override
    public void removeAll(Filter filter) {
        ensureNotNull(filter, "filter");
        vectors.deleteByFilter(spec.name(), FilterMapping.toStore(filter));
    }

    /** Empties the collection: drops it and creates it again as it was (on pgvector, a partition drop). */
    @Override
    public void removeAll() {
        CollectionSpec current = vectors.findCollection(spec.name()).orElse(spec);
        vectors.dropCollection(spec.name());
        vectors.findOrCreateCollection(current);
    }

    @Override
    public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
        ensureNotNull(request, "request");
        float[] query = request.queryEmbedding().vector();
        SearchRequest search = SearchRequest.of(query, request.maxResults())
                .withFilter(FilterMapping.toStore(request.filter()))
                .withMinScore(storeScore(request.minScore()))
                .withEmbeddings(); // LangChain4j's EmbeddingMatch carries the embedding
        String text = request.query();
        boolean fused = hybrid && text != null && !text.isBlank();
        List<SearchMatch> found = fused
                ? vectors.hybridSearch(spec.name(), HybridSearchRequest.of(search, words(text)))
                : vectors.search(spec.name(), search);
        List<EmbeddingMatch<TextSegment>> matches = new ArrayList<>(found.size());
        for (SearchMatch match : found) {
            double relevance = fused ? relevance(query, match.chunk().embedding()) : relevance(match.score());
            if (relevance >= request.minScore()) {
                matches.add(toMatch(match.chunk(), relevance));
            }
        }
        return new EmbeddingSearchResult<>(matches);
    }

    private static EmbeddingMatch<TextSegment> toMatch(Chunk chunk, double relevance) {
        TextSegment segment = chunk.content().isEmpty()
                ? null
                : TextSegment.from(chunk.content(), MetadataMapping.fromStore(chunk.metadata()));
        return new EmbeddingMatch<>(relevance, chunk.id(), Embedding.from(chunk.embedding()), segment);
    }

    /** LangChain4j's relevance of an agentstore score: {@code (cosine + 1) / 2} for cosine, the score otherwise. */
    private double relevance(double score) {
        return spec.metric() == DistanceMetric.COSINE ? RelevanceScore.fromCosineSimilarity(score) : score;
    }

    private double relevance(float[] query, float[] embedding) {
        return relevance(CosineSimilarity.between(Embedding.from(query), Embedding.from(embedding)));
    }

    /** The agentstore score a LangChain4j relevance stands for. */
    private double storeScore(double relevance) {
        return spec.metric() == DistanceMetric.COSINE ? 2 * relevance - 1 : relevance;
    }

    /** The query text as agentstore's full-text ranking takes it: words, at most 256 characters. */
    private static String words(String text) {
        String stripped = text.strip();
        return stripped.length() <= 256 ? stripped : stripped.substring(0, 256);
    }

    /** Settings of an {@link AgentstoreEmbeddingStore}. */
    public static final class Builder {
        private final VectorRepository vectors;
        private String collection = "langchain4j";
        private Integer dimension;
        private DistanceMetric metric = DistanceMetric.COSINE;
        private IndexSettings index;
        private boolean hybrid = true;
        private boolean createIfMissing = true;

        private Builder(VectorRepository vectors) {
            this.vectors = vectors;
        }

        /** The collection's name (default {@code langchain4j}). */
        public Builder collection(String name) {
            this.collection = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The embeddings' dimension: the embedding model's; needed to create the collection. */
        public Builder dimension(int value) {
            this.dimension = value;
            return this;
        }

        /** How vectors compare (default cosine, whose scores LangChain4j's relevance convention assumes). */
        public Builder metric(DistanceMetric value) {
            this.metric = Objects.requireNonNull(value, "metric");
            return this;
        }

        /** The collection's approximate index (default agentstore's: HNSW). */
        public Builder index(IndexSettings value) {
            this.index = Objects.requireNonNull(value, "index");
            return this;
        }

        /** Whether query text makes a search hybrid (default true). */
        public Builder hybrid(boolean value) {
            this.hybrid = value;
            return this;
        }

        /** Whether to create the collection when it does not exist (default true). */
        public Builder createIfMissing(boolean value) {
            this.createIfMissing = value;
            return this;
        }

        /**
         * The store, its collection created first if missing and allowed; an existing collection is used as it is.
         *
         * @throws IllegalArgumentException if the collection must be created and no dimension was given
         */
        public AgentstoreEmbeddingStore build() {
            CollectionSpec spec = vectors.findCollection(collection).orElse(null);
            if (spec == null) {
                if (dimension == null) {
                    throw new IllegalArgumentException("dimension is required to create the collection " + collection);
                }
                CollectionSpec wanted = CollectionSpec.of(collection, dimension).withMetric(metric);
                spec = index == null ? wanted : wanted.withIndex(index);
                if (createIfMissing) {
                    spec = vectors.findOrCreateCollection(spec);
                }
            }
            return new AgentstoreEmbeddingStore(vectors, spec, hybrid);
        }
    }
}
